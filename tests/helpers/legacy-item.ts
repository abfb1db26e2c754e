import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Studio } from '../../main/core/studio';
import { callOk } from './studio';

/**
 * Writes an item into the open project as an older studio left it: a generic row with
 * whatever data it had, no checks. The project is closed for the write and opened again.
 */
export async function writeLegacyItem(studio: Studio, kind: string, name: string, data: Record<string, unknown>): Promise<{ id: string }> {
  const project = await callOk(studio, 'projects:current', {});
  if (!project) throw new Error('no project is open');
  await callOk(studio, 'projects:close', {});
  const id = randomUUID();
  const now = new Date().toISOString();
  const db = new Database(project.path);
  db.transaction(() => {
    db.prepare('INSERT INTO items (id, kind, name, data, revision, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)').run(
      id,
      kind,
      name,
      JSON.stringify(data),
      now,
      now,
    );
    db.prepare("INSERT INTO revisions (item_id, revision, op, name, data, created_at) VALUES (?, 1, 'create', ?, ?, ?)").run(
      id,
      name,
      JSON.stringify(data),
      now,
    );
  })();
  db.close();
  await callOk(studio, 'projects:open', { id: project.id });
  return { id };
}
