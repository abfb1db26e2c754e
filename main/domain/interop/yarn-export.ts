import { compareCodePoints } from '../pack/canonical-json';
import type { PackAction, PackDialogue, PackNode } from '../pack/pack-schema';
import { expressionText } from './expression-text';
import { uniqueNames } from './node-names';

const valueText = (value: boolean | number | string) => (typeof value === 'string' ? JSON.stringify(value) : String(value));
const commandArg = (value: boolean | number | string) => (typeof value === 'string' && /^[\w.:-]+$/.test(value) ? value : valueText(value));

/** Yarn node titles are identifiers; node ids become titles, made unique, the start node first. */
function titles(dialogue: PackDialogue): Map<string, string> {
  const ids = Object.keys(dialogue.nodes).sort(compareCodePoints);
  const ordered = dialogue.nodes[dialogue.startNodeId] ? [dialogue.startNodeId, ...ids.filter((id) => id !== dialogue.startNodeId)] : ids;
  return uniqueNames(ordered, (id) => id.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[0-9]|$)/, 'N_'));
}

function actionLine(action: PackAction): string {
  switch (action.type) {
    case 'setVariable':
      return action.operator === '='
        ? `<<set $${action.variable} to ${valueText(action.value)}>>`
        : `<<set $${action.variable} to $${action.variable} ${action.operator[0]} ${valueText(action.value)}>>`;
    case 'startQuest':
      return `<<startQuest ${commandArg(action.questId)}>>`;
    case 'advanceQuest':
      return `<<advanceQuest ${commandArg(action.questId)}${action.stage === undefined ? '' : ` ${action.stage}`}>>`;
    case 'completeObjective':
      return `<<completeObjective ${commandArg(action.questId)} ${commandArg(action.objectiveId)}>>`;
    case 'completeQuest':
      return `<<completeQuest ${commandArg(action.questId)}>>`;
    case 'giveItem':
      return `<<giveItem ${commandArg(action.itemId)} ${action.count}>>`;
    case 'command':
      return `<<${action.name}${action.args.map((a) => ` ${commandArg(a)}`).join('')}>>`;
  }
}

/**
 * Text as one Yarn line that reads back as exactly that text: line breaks become spaces,
 * and everything Yarn reads as markup is escaped with a backslash: commands `<< >>`,
 * inline expressions `{ }`, hashtags, markup `[ ]`, comments `//`, and a leading `=`
 * (a line of `===` would end the node).
 */
const oneLine = (text: string) =>
  text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[#{}<>[\]/\\]/g, '\\$&')
    .replace(/^(\s*)=/, '$1\\=');
/** Text before a line's first colon: its own colons and quotes escaped too, so the colon after it is the one that names the speaker. */
const nameText = (text: string) => oneLine(text).replace(/[:"]/g, '\\$&');
/** Tag values hold no space, `#` or comment: anything else becomes `_`. */
const tagValue = (text: string) => text.replace(/[^\w.:-]/g, '_');

/**
 * A dialogue as a Yarn Spinner 2 script: one Yarn node per graph node, titled by its id,
 * the start node first. Lines keep their line ids as `#line:` tags (with `#emotion:`),
 * choices become `->` options with `<<if>>` conditions, branches `<<if>>/<<elseif>>/<<else>>`,
 * actions `<<set>>` and commands; quest and item actions are commands the game registers
 * (startQuest, advanceQuest, completeObjective, completeQuest, giveItem); AI lines play
 * their fallback with an `#ai` tag and the instruction in a comment.
 */
export function exportYarn(dialogue: PackDialogue): string {
  const title = titles(dialogue);
  const jump = (target: string | undefined) =>
    target === undefined ? '<<stop>>' : title.has(target) ? `<<jump ${title.get(target)}>>` : `<<stop>> // missing node ${oneLine(target)}`;
  const tags = (lineId: string, emotion?: string) =>
    `${lineId ? ` #line:${tagValue(lineId)}` : ''}${emotion ? ` #emotion:${tagValue(emotion)}` : ''}`;
  const speak = (speaker: string, text: string) => (speaker.trim() ? `${nameText(speaker)}: ${oneLine(text)}` : nameText(text) || '...');

  const body = (node: PackNode): string[] => {
    switch (node.kind) {
      case 'line':
        return [`${speak(node.speaker, node.text)}${tags(node.lineId, node.emotion)}`, jump(node.next)];
      case 'aiLine':
        return [
          `// ai instruction: ${oneLine(node.instruction)}`,
          `${speak(node.speaker, node.fallbackText)}${tags(node.lineId, node.emotion)} #ai`,
          jump(node.next),
        ];
      case 'choice':
        return node.options.flatMap((option) => [
          `-> ${oneLine(option.text) || '...'}${option.condition ? ` <<if ${expressionText(option.condition.ast)}>>` : ''}`,
          `    ${jump(option.target)}`,
        ]);
      case 'branch':
        return [
          ...node.branches.flatMap((branch, i) => [
            `<<${i === 0 ? 'if' : 'elseif'} ${expressionText(branch.condition.ast)}>>`,
            `    ${jump(branch.target)}`,
          ]),
          ...(node.branches.length ? ['<<else>>', `    ${jump(node.else)}`, '<<endif>>'] : [jump(node.else)]),
        ];
      case 'action':
        return [...node.actions.map(actionLine), jump(node.next)];
      case 'jump':
        return node.dialogueId === undefined
          ? [jump(node.nodeId)]
          : [`<<loreweaverJump ${commandArg(node.dialogueId)}${node.nodeId ? ` ${commandArg(node.nodeId)}` : ''}>>`, '<<stop>>'];
      case 'end':
        return [...(node.outcome ? [`<<outcome ${commandArg(node.outcome)}>>`] : []), '<<stop>>'];
    }
  };

  const declarations = dialogue.variables.map((v) => `<<declare $${v.name} = ${valueText(v.default)}>>`);
  const sections = [...title.entries()].map(([id, name], index) => {
    const node = dialogue.nodes[id];
    const lines = [...(index === 0 ? declarations : []), ...body(node)];
    return [`title: ${name}`, `tags: ${node.kind}`, '---', ...lines, '==='].join('\n');
  });
  return `// ${oneLine(dialogue.name)}: exported from Loreweaver (dialogue ${oneLine(dialogue.id)})\n${sections.join('\n')}\n`;
}
