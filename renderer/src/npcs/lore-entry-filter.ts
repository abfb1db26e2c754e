import type { LorebookEntry } from '../../../main/domain/npc';
import { entryLabel } from '../../../main/domain/testchat/lorebook-scan';

/** Whether a lore entry's title, keys (either list) or text holds `text`, which is already lower case. */
export const entryMatches = (entry: LorebookEntry, index: number, text: string): boolean =>
  entryLabel(entry, index).toLowerCase().includes(text) ||
  entry.keys.some((key) => key.toLowerCase().includes(text)) ||
  (entry.secondaryKeys ?? []).some((key) => key.toLowerCase().includes(text)) ||
  entry.content.toLowerCase().includes(text);
