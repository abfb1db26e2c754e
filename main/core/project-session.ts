import type { Database } from 'better-sqlite3';
import type { ProjectInfo } from '../../preload/api';
import { ContentStore } from './content/content-store';
import { DialogueStore } from './dialogues/dialogue-store';
import { NpcService } from './npcs/npc-service';
import { QuestService } from './quests/quest-service';
import { WorldStore } from './quests/world-store';
import { Conversation } from '../domain/testchat/conversation';
import { Playthrough } from '../domain/testchat/playthrough';
import { ProjectLore } from './testchat/prompt-context';
import { SessionTable } from './testchat/session-table';
import { onlineBackup } from './backups/online-backup';
import { openProjectDb, schemaVersion } from './db/project-db';
import type { ProjectFile } from './projects/project-repository';
import type { ProjectConnection } from './export/project-file-tasks';

/** The open project: its database connection and the services that work on it. */
export class ProjectSession {
  readonly content: ContentStore;
  readonly dialogues: DialogueStore;
  readonly npcs: NpcService;
  readonly world: WorldStore;
  readonly quests: QuestService;
  readonly lore: ProjectLore;
  readonly conversations: SessionTable<Conversation>;
  readonly playthroughs: SessionTable<Playthrough>;

  private constructor(
    readonly file: ProjectFile,
    private readonly db: Database,
    /** Whether this is the studio's own connection, the one that folds the WAL back on close. */
    private readonly primary = true,
    private readonly nativeBinding?: string,
  ) {
    this.content = new ContentStore(db);
    this.dialogues = new DialogueStore(db, this.content);
    this.npcs = new NpcService(this.content);
    this.world = new WorldStore(db);
    this.quests = new QuestService(this);
    this.lore = new ProjectLore(this.content);
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
    return new ProjectSession(file, openProjectDb(file.path, { nativeBinding }), true, nativeBinding);
  }

  /** What a worker thread needs to open this project through a connection of its own. */
  get connection(): ProjectConnection {
    return { file: this.file, ...(this.nativeBinding === undefined ? {} : { nativeBinding: this.nativeBinding }) };
  }

  /** A second, read-only connection to a project the studio has open: a worker thread reads it for long checks. */
  static openReadOnly(file: ProjectFile, nativeBinding?: string): ProjectSession {
    return new ProjectSession(file, openProjectDb(file.path, { nativeBinding, readonly: true }), false);
  }

  /**
   * A second connection that writes to a project the studio has open (a worker thread
   * importing a pack). Its writes take SQLite's write lock one short transaction at a
   * time, so the studio's own saves wait milliseconds at most; closing it leaves the WAL
   * to the studio's connection, since a checkpoint would hold the lock while readers finish.
   */
  static openBeside(file: ProjectFile, nativeBinding?: string): ProjectSession {
    return new ProjectSession(file, openProjectDb(file.path, { nativeBinding }), false);
  }

  get id(): string {
    return this.file.id;
  }

  info(lastOpenedAt: string | null): ProjectInfo {
    return { ...this.file, lastOpenedAt, schemaVersion: schemaVersion(this.db), counts: this.content.counts() };
  }

  /**
   * A count that grows with every change to the project: rows changed through this
   * connection, plus SQLite's `data_version`, which moves when another connection (a worker
   * thread's import) commits. The backup schedule compares it to tell whether anything is new.
   */
  changes(): number {
    const own = (this.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    return own + (this.db.pragma('data_version', { simple: true }) as number);
  }

  /** Copies the project with SQLite's online backup API: every committed change, the WAL's too, while saves go on. */
  backup(dest: string, progress?: (done: number, total: number) => void): Promise<void> {
    return onlineBackup(this.db, dest, progress);
  }

  /**
   * Folds the WAL back into the project file when it can. When it cannot (a full disk),
   * the WAL stays beside the file and SQLite replays it at the next open: nothing is lost.
   * A second connection (a worker's) only closes.
   */
  close(): void {
    if (!this.db.open) return;
    if (!this.primary) {
      this.db.close();
      return;
    }
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // The committed data is safe in the WAL.
    } finally {
      this.db.close();
    }
  }
}
