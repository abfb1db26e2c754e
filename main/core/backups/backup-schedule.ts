import type { ProjectFile } from '../projects/project-repository';
import type { BackupCopy, BackupService } from './backup-service';

/** The open project as the schedule sees it: its file, a change counter and a way to copy it. */
export interface BackupSubject {
  readonly file: ProjectFile;
  /** Rows changed through the project's connection since it opened. */
  changes(): number;
  backup: BackupCopy;
}

/**
 * Automatic backups of the open project: one when it opens if the newest backup is older
 * than the interval, then one per interval while it is open, but only when something
 * changed since the last one. A failed automatic backup is logged and tried again next
 * time; it never stops the project from opening or saving.
 */
export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private changesAtLastBackup = -1;
  /** The backup in progress, so opening waits for the first one and no two overlap. */
  private running: Promise<void> = Promise.resolve();
  /** Bumped by every watch and stop, so a backup queued for a project that has since closed is dropped quietly. */
  private generation = 0;

  constructor(private readonly service: BackupService) {}

  /** Starts watching a newly opened project; resolves when the opening backup (if one was due) is done. */
  watch(subject: BackupSubject): Promise<void> {
    this.stop();
    this.changesAtLastBackup = -1;
    if (this.service.isDue(subject.file)) this.run(subject);
    else this.changesAtLastBackup = subject.changes();
    this.timer = setInterval(() => {
      if (subject.changes() !== this.changesAtLastBackup) this.run(subject);
    }, this.service.timings.intervalMs);
    this.timer.unref();
    return this.running;
  }

  /** Resolves when the backup in progress, if any, is done. */
  settled(): Promise<void> {
    return this.running;
  }

  stop(): void {
    this.generation++;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private run(subject: BackupSubject): void {
    const generation = this.generation;
    this.running = this.running.then(async () => {
      if (generation !== this.generation) return;
      try {
        const changes = subject.changes();
        await this.service.create(subject.file, 'auto', (dest, progress) => subject.backup(dest, progress));
        this.changesAtLastBackup = changes;
      } catch (error) {
        if (generation !== this.generation) return;
        console.warn(`[loreweaver] automatic backup of ${subject.file.path} failed: ${(error as Error).message}`);
      }
    });
  }
}
