import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../main/core/db/migrations';
import { createRuntime, Dialogue, DIALOGUE_SCHEMA_VERSION } from '../../main/domain/dialogue';
import { APPLICATION_ID, openProjectDb, schemaVersion } from '../../main/core/db/project-db';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('project database', () => {
  it('opens new files in WAL mode with foreign keys on, at the latest schema', () => {
    const db = openProjectDb(join(tempDir(), 'a.loreweaver'), { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('upgrades a project written at schema 1 and keeps its data', () => {
    const path = join(tempDir(), 'old.loreweaver');
    const old = openProjectDb(path, { create: true, targetVersion: 1 });
    expect(schemaVersion(old)).toBe(1);
    old
      .prepare(
        `INSERT INTO items (id, kind, name, data, revision, created_at, updated_at)
         VALUES ('npc-1', 'npc', 'Mirela the Smith', '{"notes":"forges blades of moonsteel"}', 1, 't', 't')`,
      )
      .run();
    old.prepare(`INSERT INTO revisions VALUES ('npc-1', 1, 'create', 'Mirela the Smith', '{}', 't')`).run();
    old.close();

    const db = openProjectDb(path);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT name, data FROM items').get()).toEqual({
      name: 'Mirela the Smith',
      data: '{"notes":"forges blades of moonsteel"}',
    });
    expect(db.prepare("SELECT item_id FROM search WHERE search MATCH 'moonsteel'").all()).toEqual([{ item_id: 'npc-1' }]);
    expect(db.prepare('SELECT count(*) AS n FROM revisions').get()).toEqual({ n: 1 });
    db.close();
  });

  it('re-indexes prose only at schema 7: snippets of older projects lose ids and enumerations', () => {
    const path = join(tempDir(), 'indexed.loreweaver');
    const old = openProjectDb(path, { create: true, targetVersion: 6 });
    const npc = {
      name: 'Mirela',
      role: 'smith of Emberfall',
      avatar: { kind: 'dataUrl', dataUrl: 'data:image/png;base64,AA' },
      cardImport: { spec: 'v3' },
    };
    old
      .prepare(
        `INSERT INTO items (id, kind, name, data, revision, created_at, updated_at) VALUES ('npc-1', 'npc', 'Mirela', ?, 1, 't', 't')`,
      )
      .run(JSON.stringify(npc));
    old
      .prepare(`INSERT INTO search (item_id, kind, name, body) VALUES ('npc-1', 'npc', 'Mirela', 'Mirela smith of Emberfall dataUrl v3')`)
      .run();
    old
      .prepare(
        `INSERT INTO items (id, kind, name, data, revision, created_at, updated_at) VALUES ('d-1', 'dialogue', 'Talk', '{}', 1, 't', 't')`,
      )
      .run();
    const nodeRow = (id: string, node: object, body: string) => {
      const rowid = old
        .prepare(`INSERT INTO dialogue_search (dialogue_id, node_id, body) VALUES ('d-1', ?, ?)`)
        .run(id, body).lastInsertRowid;
      old.prepare(`INSERT INTO dialogue_nodes VALUES ('d-1', ?, ?, ?)`).run(id, JSON.stringify(node), rowid);
    };
    nodeRow(
      'ask',
      { id: 'ask', kind: 'choice', position: { x: 0, y: 0 }, options: [{ id: 'o1', text: 'Sharpen it.', target: 'jump_rz0d' }] },
      'o1 Sharpen it. jump_rz0d',
    );
    nodeRow('jump_rz0d', { id: 'jump_rz0d', kind: 'jump', position: { x: 0, y: 0 }, dialogueId: 'd-2' }, 'd-2');
    old.close();

    const db = openProjectDb(path);
    expect(db.prepare('SELECT body FROM search').all()).toEqual([{ body: 'Mirela\nsmith of Emberfall' }]);
    expect(db.prepare('SELECT node_id, body FROM dialogue_search').all()).toEqual([{ node_id: 'ask', body: 'Sharpen it.' }]);
    expect(db.prepare(`SELECT search_rowid FROM dialogue_nodes WHERE node_id = 'jump_rz0d'`).get()).toEqual({ search_rowid: null });
    db.close();
  });

  it('rewrites format-1 dialogues at schema 8 so their texts, now templates, still show as written', () => {
    const path = join(tempDir(), 'dialogue.loreweaver');
    const old = openProjectDb(path, { create: true, targetVersion: 7 });
    const header = { schemaVersion: 1, variables: [], startNodeId: 'hello' };
    old
      .prepare(
        `INSERT INTO items (id, kind, name, data, revision, created_at, updated_at) VALUES ('d-1', 'dialogue', 'Talk', ?, 1, 't', 't')`,
      )
      .run(JSON.stringify(header));
    const nodes = {
      hello: {
        id: 'hello',
        kind: 'line',
        position: { x: 0, y: 0 },
        speaker: 'Mirela',
        text: 'Take {this} [gift] \\o/',
        lineId: 'hello',
        next: 'ask',
      },
      ask: { id: 'ask', kind: 'choice', position: { x: 0, y: 0 }, options: [{ id: 'o1', text: '[Leave] {quietly}' }] },
    };
    for (const node of Object.values(nodes))
      old.prepare(`INSERT INTO dialogue_nodes VALUES ('d-1', ?, ?, NULL)`).run(node.id, JSON.stringify(node));
    old.close();

    const db = openProjectDb(path);
    const stored = JSON.parse((db.prepare(`SELECT data FROM items WHERE id = 'd-1'`).get() as { data: string }).data);
    expect(stored).toEqual({ ...header, schemaVersion: DIALOGUE_SCHEMA_VERSION });
    const rows = db.prepare(`SELECT node_id, data FROM dialogue_nodes ORDER BY node_id`).all() as { node_id: string; data: string }[];
    const migrated = Object.fromEntries(rows.map((row) => [row.node_id, JSON.parse(row.data)]));
    db.close();
    const dialogue = Dialogue.parse({ ...stored, id: 'd-1', name: 'Talk', nodes: migrated });
    const runtime = createRuntime(dialogue, { seed: 1 });
    expect(runtime.step).toMatchObject({ type: 'line', text: nodes.hello.text });
    expect(runtime.advance()).toMatchObject({ type: 'choice', options: [{ text: nodes.ask.options[0].text }] });
  });

  it('refuses a project from a newer studio and leaves the file as it was', () => {
    const path = join(tempDir(), 'future.loreweaver');
    const db = openProjectDb(path, { create: true });
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha(path);
    expect(() => openProjectDb(path)).toThrow(/newer version of Loreweaver Studio/);
    expect(sha(path)).toBe(before);
  });

  it('rejects files that are not SQLite, and SQLite files that are not projects', () => {
    const dir = tempDir();
    const text = join(dir, 'notes.loreweaver');
    writeFileSync(text, 'these are just some notes, not a database at all');
    expect(() => openProjectDb(text)).toThrow(/not a SQLite database/);
    expect(readFileSync(text, 'utf8')).toContain('just some notes');

    const other = join(dir, 'other.loreweaver');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    expect(() => openProjectDb(other)).toThrow(/not a Loreweaver project/);
  });

  it('rolls a failed migration back entirely', () => {
    const path = join(tempDir(), 'half.loreweaver');
    const db = openProjectDb(path, { create: true, targetVersion: 1 });
    db.exec('CREATE TABLE search (clash INTEGER)');
    db.close();
    expect(() => openProjectDb(path)).toThrow();
    const again = openProjectDb(path, { readonly: true });
    expect(schemaVersion(again)).toBe(1);
    again.close();
  });
});
