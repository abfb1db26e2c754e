import type { DialogueChange } from '../../../preload/contract/dialogues';

/*
 * When a write is too large for the studio's own thread. Past these sizes checking and
 * writing take longer than a turn of the event loop (the desktop window) may, so the
 * handlers send the write to a worker thread (save-tasks.ts), which writes it through a
 * connection of its own. An NPC with a 10,000-entry lorebook is about 1.5 million
 * characters and took about 100 ms to save; 5,000 dialogue nodes took as long.
 */

/** A record whose stored JSON passes this many characters (or bytes, as stored) is written on a worker. */
export const HEAVY_RECORD_CHARS = 256 * 1024;

/** A dialogue write touching more nodes than this is written on a worker. */
export const HEAVY_NODE_COUNT = 500;

/** Whether a stored item (its size as SQLite keeps it, read without its text) is too large to rewrite on the studio's thread. */
export const isHeavyItem = (head: { bytes: number }): boolean => head.bytes > HEAVY_RECORD_CHARS;

/** The record's JSON text when it is too large to write on the studio's thread; small records stay objects. */
export function heavyJson(record: unknown): string | undefined {
  const json = JSON.stringify(record);
  return json.length > HEAVY_RECORD_CHARS ? json : undefined;
}

export const isHeavyChange = (change: DialogueChange): boolean =>
  (change.upsertNodes?.length ?? 0) + (change.deleteNodeIds?.length ?? 0) > HEAVY_NODE_COUNT;
