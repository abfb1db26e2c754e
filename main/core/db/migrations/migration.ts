import type { Database } from 'better-sqlite3';

/** One numbered schema step; runs inside the opening transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
