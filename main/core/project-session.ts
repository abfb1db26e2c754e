import type { Database } from 'better-sqlite3';
import type { ProjectInfo } from '../../preload/api';
import { ContentStore } from './content/content-store';
import { DialogueStore } from './dialogues/dialogue-store';
import { WorldStore } from './quests/world-store';
import { Conversation } from '../domain/testchat/conversation';
import { Playthrough } from '../domain/testchat/playthrough';
import { SessionTable } from './testchat/session-table';
import { onlineBackup } from './backups/online-backup';
import { openProjectDb, schemaVersion } from './db/project-db';
import type { ProjectFile } from './projects/project-repository';

/** The open project: its database connection and the services that work on it. */
export class ProjectSession {
  readonly content: ContentStore;
  readonly dialogues: DialogueStore;
  readonly world: WorldStore;
  readonly conversations: SessionTable<Conversation>;
  readonly playthroughs: SessionTable<Playthrough>;

  private constructor(
    readonly file: ProjectFile,
    private readonly db: Database,
  ) {
    this.content = new ContentStore(db);
    this.dialogues = new DialogueStore(db, this.content);
    this.world = new WorldStore(db);
    this.conversations = new SessionTable(
      db,
      { table: 'conversations', ownerColumn: 'npc_id', noun: 'conversation' },
      Conversation,
      (c) => c.npcId,
    );
    this.playthroughs = new SessionTable(
      db,
      { table: 'playthroughs', ownerColumn: 'dialogue_id', noun: 'playthrough' },
      Playthrough,
      (p) => p.dialogueId,
    );
  }

  static open(file: ProjectFile, nativeBinding?: string): ProjectSession {
    return new ProjectSession(file, openProjectDb(file.path, { nativeBinding }));
  }

  /** A second, read-only connection to a project the studio has open: a worker thread reads it for long checks. */
  static openReadOnly(file: ProjectFile, nativeBinding?: string): ProjectSession {
    return new ProjectSession(file, openProjectDb(file.path, { nativeBinding, readonly: true }));
  }

  get id(): string {
    return this.file.id;
  }

  info(lastOpenedAt: string | null): ProjectInfo {
    return { ...this.file, lastOpenedAt, schemaVersion: schemaVersion(this.db), counts: this.content.counts() };
  }

  /** Rows changed through this connection since it opened, so the backup schedule can tell whether anything is new. */
  changes(): number {
    return (this.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }

  /** Copies the project with SQLite's online backup API: every committed change, the WAL's too, while saves go on. */
  backup(dest: string, progress?: (done: number, total: number) => void): Promise<void> {
    return onlineBackup(this.db, dest, progress);
  }

  /**
   * Folds the WAL back into the project file when it can. When it cannot (a full disk),
   * the WAL stays beside the file and SQLite replays it at the next open: nothing is lost.
   */
  close(): void {
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // The committed data is safe in the WAL.
    } finally {
      this.db.close();
    }
  }
}
