import type { Database } from 'better-sqlite3';

/** Pages copied between turns of the event loop (better-sqlite3's default), so calls keep being answered while a backup runs. */
const PAGES_PER_STEP = 100;

/**
 * Copies a database to `dest` with SQLite's online backup API: every committed change, the
 * WAL's too, while the connection goes on serving reads and writes. Reports pages copied
 * and in all after each step, and once more at the end.
 */
export async function onlineBackup(db: Database, dest: string, progress?: (done: number, total: number) => void): Promise<void> {
  const final = await db.backup(dest, {
    progress: ({ totalPages, remainingPages }) => {
      progress?.(totalPages - remainingPages, totalPages);
      return PAGES_PER_STEP;
    },
  });
  progress?.(final.totalPages, final.totalPages);
}
