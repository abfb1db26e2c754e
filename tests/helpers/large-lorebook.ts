import type { Lorebook } from '../../main/domain/npc';

/** A lorebook of `count` plain entries (`lighthouse{i}`, "Entry {i}: the keeper's log."): 10,000 of them are about 1.5 MB of JSON. */
export const keepersLorebook = (count: number): Lorebook => ({
  extensions: {},
  entries: Array.from({ length: count }, (_, i) => ({
    keys: [`lighthouse${i}`],
    content: `Entry ${i}: the keeper's log.`,
    enabled: true,
    insertionOrder: i,
    extensions: {},
  })),
});
