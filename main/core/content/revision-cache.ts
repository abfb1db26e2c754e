import type { ContentKind } from '../../domain/content-kinds';
import { eventLoopTurns } from '../event-loop-turns';
import type { ContentStore, ItemText } from './content-store';

/** How many items' texts one query reads when many changed (SQLite's default limit is 32,766 parameters). */
const BATCH = 500;

/** How many items `fill` makes between chances for other calls to run: 25 dialogues or quests take a few ms. */
const FILL_BATCH = 25;

/**
 * A value made from each live item of one kind (a parsed quest, the quest actions of a
 * dialogue), made again only when the item's revision changed. A revision is never written
 * twice, so a value is current exactly when its revision is, also after another connection
 * (a worker thread's import) wrote the item. Asking costs one query of the items' ids and
 * revisions, not a read and parse of every item: a project of 5,000 quests is checked in
 * milliseconds once its quests have been read.
 */
export class RevisionCache<T> {
  private readonly values = new Map<string, { revision: number; value: T }>();
  private last: { heads: { id: string; revision: number }[]; values: T[] } | undefined;

  constructor(
    private readonly content: ContentStore,
    private readonly kind: ContentKind,
    private readonly valueOf: (item: ItemText) => T,
  ) {}

  /**
   * Makes the values of the items that changed since they were last made, a few at a time,
   * letting other calls run between batches once a turn's time has passed: the first read
   * of a project's 5,000 quests takes half a second, too long to hold the event loop.
   */
  async fill(turn = eventLoopTurns()): Promise<void> {
    const stale = this.stale(this.content.heads(this.kind));
    for (let start = 0; start < stale.length; start += FILL_BATCH) {
      this.make(stale.slice(start, start + FILL_BATCH));
      await turn();
    }
  }

  /**
   * Every live item's value, in the kind's list order (by name). While no item of the kind
   * changed, it is the same array as before, so what callers make of it can be kept by it.
   */
  all(): T[] {
    const heads = this.content.heads(this.kind);
    if (this.last && sameHeads(this.last.heads, heads)) return this.last.values;
    const stale = this.stale(heads);
    for (let start = 0; start < stale.length; start += BATCH) this.make(stale.slice(start, start + BATCH));
    if (this.values.size > heads.length) {
      const live = new Set(heads.map((head) => head.id));
      for (const id of this.values.keys()) if (!live.has(id)) this.values.delete(id);
    }
    const values = heads.flatMap((head) => {
      const kept = this.values.get(head.id);
      return kept ? [kept.value] : [];
    });
    this.last = { heads, values };
    return values;
  }

  private stale(heads: readonly { id: string; revision: number }[]): string[] {
    return heads.filter((head) => this.values.get(head.id)?.revision !== head.revision).map((head) => head.id);
  }

  private make(ids: readonly string[]): void {
    for (const item of this.content.texts(ids)) this.values.set(item.id, { revision: item.revision, value: this.valueOf(item) });
  }
}

const sameHeads = (a: readonly { id: string; revision: number }[], b: readonly { id: string; revision: number }[]) =>
  a.length === b.length && a.every((head, i) => head.id === b[i].id && head.revision === b[i].revision);
