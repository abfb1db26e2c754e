import type { Database } from 'better-sqlite3';

export interface ProjectMeta {
  projectId: string;
  name: string;
  createdAt: string;
}

export function readMeta(db: Database): ProjectMeta | null {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const projectId = map.get('project_id');
  const name = map.get('name');
  if (!projectId || !name) return null;
  return { projectId, name, createdAt: map.get('created_at') ?? '' };
}

export function writeMeta(db: Database, values: Partial<Record<'project_id' | 'name' | 'created_at' | 'updated_at', string>>): void {
  const upsert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(values)) if (value !== undefined) upsert.run(key, value);
  })();
}
