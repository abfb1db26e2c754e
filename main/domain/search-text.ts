/** Embedded images (an NPC's avatar): never prose, and large enough to crowd real text out of the limit. */
const DATA_URL = /^data:[\w.+-]+\/[\w.+-]+;base64,/;

/**
 * Fields whose strings are identifiers, references between records, enumerations or
 * other applications' data: never what a creator searches for, and a snippet made of
 * them reads like "dataUrl v3" or "choice_rz0d". A dialogue choice's `target` is a node,
 * so a quest's defeat target (free text) is left out with it; the objective's
 * description names what to defeat.
 */
const NOT_PROSE = new Set([
  'id',
  'kind',
  'type',
  'spec',
  'position',
  'operator',
  'result',
  'difficulty',
  'lineId',
  'next',
  'target',
  'else',
  'startNodeId',
  'startStageId',
  'dialogueId',
  'nodeId',
  'npcId',
  'questId',
  'stageId',
  'objectiveId',
  'itemId',
  'locationId',
  'assetId',
  'avatar',
  'assets',
  'extensions',
  'unknownFields',
  'cardImport',
]);

/** The searchable text of an item's data: the string values of its prose fields, in document order. */
export function searchText(data: unknown, limit = 200_000): string {
  const parts: string[] = [];
  let size = 0;
  const visit = (value: unknown): void => {
    if (size >= limit) return;
    if (typeof value === 'string') {
      if (DATA_URL.test(value)) return;
      parts.push(value);
      size += value.length;
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      for (const [key, field] of Object.entries(value)) if (!NOT_PROSE.has(key)) visit(field);
    }
  };
  visit(data);
  return parts.join('\n').slice(0, limit);
}

/**
 * The searchable text of one item. A script's is its code alone (its language and folder
 * would crowd the snippets); every other kind gives all its strings.
 */
export function itemSearchText(kind: string, data: unknown): string {
  if (kind === 'script' && data && typeof data === 'object' && typeof (data as { code?: unknown }).code === 'string') {
    return searchText((data as { code: string }).code);
  }
  return searchText(data);
}
