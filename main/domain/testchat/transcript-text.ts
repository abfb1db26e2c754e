import type { Playthrough, PlaythroughEntry } from './playthrough';

const line = (entry: PlaythroughEntry): string => {
  switch (entry.type) {
    case 'line':
      return `${entry.speaker || 'Narrator'}: ${entry.text}${entry.source === 'authored' ? '' : ` [${entry.source}]`}`;
    case 'choice':
      return `> ${entry.text}`;
    case 'said':
      return `> (typed) ${entry.text}${entry.optionId ? ` → choice ${entry.optionId}` : ''}`;
    case 'reply':
      return `${entry.speaker || 'NPC'}: ${entry.text} [in character]`;
    case 'effect':
      return `  * ${entry.text}`;
    case 'state':
      return `  * State set: ${entry.text}`;
    case 'restart':
      return `--- Restarted${entry.nodeId ? ` at ${entry.nodeId}` : ''} ---`;
    case 'end':
      return `--- ${entry.text} ---`;
  }
};

/** A playthrough as plain text: a header, then one line per thing said, chosen or changed. */
export function transcriptText(playthrough: Playthrough, dialogueName: string): string {
  return [
    `${playthrough.title}`,
    `Dialogue: ${dialogueName}`,
    `Played: ${playthrough.createdAt}`,
    '',
    ...playthrough.log.map(line),
    '',
  ].join('\n');
}
