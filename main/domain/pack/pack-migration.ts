import { escapeVersion1Nodes } from '../dialogue/version-1-text';

/**
 * Brings the sections of a pack written in format `version` up to the current format, in
 * place of the raw JSON, before the schema parses them. Version 1 → 2: the player-visible
 * texts (line text, AI line fallback, option text) become templates, so their `\ { } [ ]`
 * are escaped to render exactly as before. Free of zod, so the web runtime can use it too.
 */
export function migratePackSections(sections: Record<string, unknown>, version: number): Record<string, unknown> {
  if (version >= 2 || !Array.isArray(sections.dialogues)) return sections;
  return { ...sections, dialogues: sections.dialogues.map(escapeDialogueTexts) };
}

function escapeDialogueTexts(dialogue: unknown): unknown {
  if (dialogue === null || typeof dialogue !== 'object') return dialogue;
  const record = dialogue as Record<string, unknown>;
  return Object.hasOwn(record, 'nodes') ? { ...record, nodes: escapeVersion1Nodes(record.nodes) } : record;
}
