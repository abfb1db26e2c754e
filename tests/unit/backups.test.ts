import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Studio } from '../../main/core/studio';
import type { EventPayload } from '../../preload/api';
import type { BackupInfo } from '../../preload/contract/backups';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A clock the test moves by hand, so backups can be aged without waiting. */
function manualClock(start = Date.parse('2026-03-01T09:00:00.000Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const storyData = (markdown: string) => ({ schemaVersion: 1, markdown, lore: false });

/** Reads a story's text straight from a project or backup file, without the studio. */
function storyTextIn(file: string, storyId: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare('SELECT data FROM items WHERE id = ?').get(storyId) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as { markdown?: unknown }).markdown : undefined;
  } finally {
    db.close();
  }
}

async function openProject(studio: Studio, name = 'Emberfall') {
  const project = await callOk(studio, 'projects:create', { name });
  await callOk(studio, 'projects:open', { id: project.id });
  return project;
}

describe('project backups', () => {
  it('takes a backup when a project opens, and again only once the interval has passed', async () => {
    const clock = manualClock();
    const studio = makeStudio(tempDir(), { backups: { now: clock.now, intervalMs: HOUR } });
    const project = await openProject(studio);
    const first = await callOk(studio, 'backups:list', { projectId: project.id });
    expect(first).toMatchObject([{ reason: 'auto', createdAt: '2026-03-01T09:00:00.000Z', projectId: project.id }]);
    expect(first[0].path).toContain(join('.backups', project.id));

    clock.advance(HOUR / 2);
    await callOk(studio, 'projects:open', { id: project.id });
    expect(await callOk(studio, 'backups:list', { projectId: project.id })).toHaveLength(1);

    clock.advance(HOUR);
    await callOk(studio, 'projects:open', { id: project.id });
    expect((await callOk(studio, 'backups:list', { projectId: project.id })).map((b) => b.createdAt)).toEqual([
      '2026-03-01T10:30:00.000Z',
      '2026-03-01T09:00:00.000Z',
    ]);
    studio.close();
  });

  it('backs up the latest committed data of an open project, including what is still in the WAL', async () => {
    const studio = makeStudio(tempDir());
    const project = await openProject(studio);
    const story = await callOk(studio, 'content:create', { kind: 'story', name: 'Tide', data: storyData('draft 1') });
    await callOk(studio, 'content:save', { id: story.id, data: storyData('draft 2, committed') });
    expect(statSync(`${project.path}-wal`).size).toBeGreaterThan(0);
    expect(storyTextIn(project.path, story.id)).toBe('draft 2, committed');

    const progress: EventPayload<'backups:progress'>[] = [];
    studio.events.subscribe(
      (event) => event.name === 'backups:progress' && progress.push(event.payload as EventPayload<'backups:progress'>),
    );
    const backup = await callOk(studio, 'backups:create', { projectId: project.id, requestId: 'b1' });
    expect(backup).toMatchObject({ reason: 'manual', projectId: project.id });
    expect(backup.sizeBytes).toBe(statSync(backup.path).size);
    expect(storyTextIn(backup.path, story.id)).toBe('draft 2, committed');
    expect(progress.at(-1)).toMatchObject({ requestId: 'b1', projectId: project.id });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);

    const db = new Database(backup.path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(readdirSync(join(backup.path, '..')).filter((f) => f.endsWith('.partial'))).toEqual([]);
    studio.close();
  });

  it('keeps answering saves while a backup copies, and the copy is intact', async () => {
    const studio = makeStudio(tempDir());
    const project = await openProject(studio);
    const story = await callOk(studio, 'content:create', { kind: 'story', name: 'Saga', data: storyData('long '.repeat(400_000)) });
    const order: string[] = [];
    studio.events.subscribe((event) => event.name === 'backups:progress' && order.push('step'));
    const backup = studio.call('backups:create', { projectId: project.id, requestId: 'long' });
    for (let i = 0; i < 5; i++) {
      // Let the backup take a step between saves.
      await new Promise((resolve) => setImmediate(resolve));
      await callOk(studio, 'content:save', { id: story.id, data: storyData(`save ${i}`) });
      order.push('save');
    }
    const done = await backup;
    expect(order.join(' ')).toMatch(/step .*save.* step/);
    expect(done.ok).toBe(true);
    const copy = (done.ok && (done.value as BackupInfo).path) || '';
    const db = new Database(copy, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(storyTextIn(copy, story.id)).toMatch(/^(long |save \d)/);
    expect((await callOk(studio, 'content:get', { id: story.id })).data.markdown).toBe('save 4');
    studio.close();
  });

  it('backs up an open project again once an interval has passed with changes', async () => {
    const studio = makeStudio(tempDir(), { backups: { intervalMs: 300 } });
    const project = await openProject(studio);
    expect(await callOk(studio, 'backups:list', { projectId: project.id })).toHaveLength(1);
    await callOk(studio, 'content:create', { kind: 'story', name: 'Fresh', data: storyData('new since the last backup') });
    await vi.waitFor(async () => expect(await callOk(studio, 'backups:list', { projectId: project.id })).toHaveLength(2), {
      timeout: 10_000,
    });
    const latest = (await callOk(studio, 'backups:list', { projectId: project.id }))[0];
    expect(latest.reason).toBe('auto');
    studio.close();
  });

  it('backs up a project that is not open', async () => {
    const studio = makeStudio(tempDir());
    const project = await openProject(studio);
    const story = await callOk(studio, 'content:create', { kind: 'story', name: 'Tide', data: storyData('kept') });
    await callOk(studio, 'projects:close', {});
    const backup = await callOk(studio, 'backups:create', { projectId: project.id });
    expect(storyTextIn(backup.path, story.id)).toBe('kept');
    studio.close();
  });

  it('keeps a day of backups, then the newest of each day until the retention period ends, and always the newest few', async () => {
    const clock = manualClock();
    const studio = makeStudio(tempDir(), { backups: { now: clock.now, intervalMs: 365 * DAY, keepLatest: 2 } });
    const project = await openProject(studio);
    await callOk(studio, 'projects:close', {});
    // Backups every 6 hours over 10 days: 41 in all with the one taken at open.
    for (let i = 0; i < 40; i++) {
      clock.advance(6 * HOUR);
      await callOk(studio, 'backups:create', { projectId: project.id });
    }
    expect(await callOk(studio, 'backups:list', { projectId: project.id })).toHaveLength(4 + 9);

    await callOk(studio, 'backups:setSettings', { retentionDays: 3 });
    const kept = (await callOk(studio, 'backups:list', { projectId: project.id })).map((b) => b.createdAt);
    expect(kept).toEqual([
      // the last 24 hours (now is 2026-03-11T09:00Z)
      '2026-03-11T09:00:00.000Z',
      '2026-03-11T03:00:00.000Z',
      '2026-03-10T21:00:00.000Z',
      '2026-03-10T15:00:00.000Z',
      // then the newest of each day back to three days ago
      '2026-03-09T21:00:00.000Z',
      '2026-03-08T21:00:00.000Z',
    ]);
    expect(await callOk(studio, 'backups:settings', {})).toMatchObject({ retentionDays: 3, keepLatest: 2 });

    clock.advance(30 * DAY);
    await callOk(studio, 'backups:setSettings', { retentionDays: 1 });
    expect((await callOk(studio, 'backups:list', { projectId: project.id })).map((b) => b.createdAt)).toEqual(kept.slice(0, 2));
    studio.close();
  });

  it('remembers the retention setting across restarts', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    expect((await callOk(studio, 'backups:settings', {})).retentionDays).toBe(14);
    await callOk(studio, 'backups:setSettings', { retentionDays: 30 });
    studio.close();
    expect((await callOk(makeStudio(dir), 'backups:settings', {})).retentionDays).toBe(30);
  });

  it('restores a backup over the open project after keeping a safety copy of the current file', async () => {
    const clock = manualClock();
    const studio = makeStudio(tempDir(), { backups: { now: clock.now } });
    const project = await openProject(studio);
    const story = await callOk(studio, 'content:create', { kind: 'story', name: 'Tide', data: storyData('first state') });
    clock.advance(1000);
    const backup = await callOk(studio, 'backups:create', { projectId: project.id });
    await callOk(studio, 'content:save', { id: story.id, data: storyData('second state') });

    clock.advance(1000);
    const restored = await callOk(studio, 'backups:restore', { projectId: project.id, backupId: backup.id });
    expect(restored).toMatchObject({ projectId: project.id, name: 'Emberfall' });
    expect(await callOk(studio, 'projects:current', {})).toMatchObject({ id: project.id });
    expect((await callOk(studio, 'content:get', { id: story.id })).data.markdown).toBe('first state');

    const backups = await callOk(studio, 'backups:list', { projectId: project.id });
    const safety = backups.find((b) => b.reason === 'before-restore')!;
    expect(safety.path).toBe(restored.safetyCopy);
    expect(storyTextIn(safety.path, story.id)).toBe('second state');
    expect(readdirSync(join(project.path, '..')).filter((f) => f.includes('.restoring'))).toEqual([]);

    // The safety copy is a backup like the others: restoring it undoes the restore.
    await callOk(studio, 'backups:restore', { projectId: project.id, backupId: safety.id });
    expect((await callOk(studio, 'content:get', { id: story.id })).data.markdown).toBe('second state');
    studio.close();
  });

  it('refuses a damaged backup and leaves the project as it was', async () => {
    const studio = makeStudio(tempDir());
    const project = await openProject(studio);
    const story = await callOk(studio, 'content:create', { kind: 'story', name: 'Tide', data: storyData('current') });
    const backup = await callOk(studio, 'backups:create', { projectId: project.id });
    writeFileSync(backup.path, 'SQLite format 3\u0000 but nothing after the header that makes sense');

    const result = await studio.call('backups:restore', { projectId: project.id, backupId: backup.id });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'project_corrupt', message: expect.stringContaining('is damaged and was not restored') },
    });
    expect((await callOk(studio, 'content:get', { id: story.id })).data.markdown).toBe('current');
    expect((await callOk(studio, 'backups:list', { projectId: project.id })).filter((b) => b.reason === 'before-restore')).toEqual([]);
    expect(
      await studio.call('backups:restore', { projectId: project.id, backupId: 'Nope 2026-01-01T00-00-00-000Z manual.loreweaver' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    studio.close();
  });

  it('opens a damaged project file with a message that offers its latest backup, and restoring it opens the project', async () => {
    const dir = tempDir();
    const clock = manualClock();
    const studio = makeStudio(dir, { backups: { now: clock.now } });
    const project = await openProject(studio);
    const story = await callOk(studio, 'content:create', { kind: 'story', name: 'Tide', data: storyData('saved before the damage') });
    clock.advance(1000);
    const backup = await callOk(studio, 'backups:create', { projectId: project.id });
    await callOk(studio, 'projects:close', {});
    writeFileSync(project.path, 'this file was overwritten by something that is not SQLite at all');

    const [damaged] = await callOk(studio, 'projects:list', {});
    expect(damaged.id).toBe('file:Emberfall.loreweaver');
    const opened = await studio.call('projects:open', { id: damaged.id });
    expect(opened).toMatchObject({
      ok: false,
      error: { code: 'project_corrupt', message: expect.stringContaining(`The latest backup, from ${backup.createdAt}, can be restored`) },
    });
    expect(await callOk(studio, 'projects:current', {})).toBeNull();
    const offered = await callOk(studio, 'backups:list', { projectId: damaged.id });
    expect(offered[0]).toMatchObject({ id: backup.id, createdAt: backup.createdAt });

    const restored = await callOk(studio, 'backups:restore', { projectId: damaged.id, backupId: offered[0].id });
    expect(restored.projectId).toBe(project.id);
    expect(restored.safetyCopy).toContain(join(dir, '.trash'));
    expect(existsSync(restored.safetyCopy)).toBe(true);
    await callOk(studio, 'projects:open', { id: restored.projectId });
    expect((await callOk(studio, 'content:get', { id: story.id })).data.markdown).toBe('saved before the damage');
    studio.close();
  });

  it('treats a project file cut short (a half-finished copy) as damaged and offers its backup', async () => {
    const studio = makeStudio(tempDir());
    const project = await openProject(studio);
    for (let i = 0; i < 20; i++)
      await callOk(studio, 'content:create', { kind: 'story', name: `Chapter ${i}`, data: storyData('words '.repeat(2000)) });
    const backup = await callOk(studio, 'backups:create', { projectId: project.id });
    await callOk(studio, 'projects:close', {});
    truncateSync(project.path, Math.floor(statSync(project.path).size / 2));

    const [listed] = await callOk(studio, 'projects:list', {});
    const opened = await studio.call('projects:open', { id: listed.id });
    expect(opened).toMatchObject({
      ok: false,
      error: { code: 'project_corrupt', message: expect.stringContaining('as if a copy of it stopped half way') },
    });
    expect(!opened.ok && opened.error.message).toContain(backup.createdAt);
    expect(await callOk(studio, 'projects:current', {})).toBeNull();
    expect((await callOk(studio, 'backups:list', { projectId: listed.id }))[0].id).toBe(backup.id);
    studio.close();
  });

  it('says so when a damaged project has no backup', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Lost.loreweaver'), 'not sqlite at all, just text of the right length........');
    const studio = makeStudio(dir);
    const result = await studio.call('projects:open', { id: 'file:Lost.loreweaver' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'project_corrupt', message: expect.stringContaining('There is no backup of it') },
    });
    expect(await callOk(studio, 'backups:list', { projectId: 'file:Lost.loreweaver' })).toEqual([]);
    studio.close();
  });
});
