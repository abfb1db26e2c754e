import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { newNode } from '../../main/domain/dialogue';
import type { MethodInput, MethodName, MethodOutput } from '../../preload/api';
import { startServe, type ServeProcess } from '../helpers/serve-process';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const servers: ServeProcess[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) if (server.process.exitCode === null && server.process.signalCode === null) await server.stop();
});

const TOKEN = 'crash-test-token';
const EDITS = 1000;
const KILL_AFTER = 500;
const IN_FLIGHT = 8;

type Answer<M extends MethodName> = { ok: true; value: MethodOutput<M> } | { ok: false; error: { code: string; message: string } };

async function call<M extends MethodName>(server: ServeProcess, method: M, input: MethodInput<M>): Promise<Answer<M>> {
  const response = await fetch(`${server.url}/api/call/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Answer<M>;
}

async function must<M extends MethodName>(server: ServeProcess, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const answer = await call(server, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value;
}

/** What an acknowledged edit promised: a revision of an item, a dialogue node, or a new item (its first revision). */
type Promised =
  | { kind: 'revision'; itemId: string; revision: number; marker: string }
  | { kind: 'node'; dialogueId: string; nodeId: string; marker: string }
  | { kind: 'item'; itemId: string; marker: string };

const story = (markdown: string) => ({ schemaVersion: 1, markdown, lore: false });

describe('crash safety', () => {
  it('keeps every acknowledged edit and an intact file when the backend is killed in the middle of a burst', async () => {
    const dataDir = tempDir();
    const server = await startServe(dataDir, TOKEN, [], { fromSource: true });
    servers.push(server);
    const project = await must(server, 'projects:create', { name: 'Crash Site' });
    await must(server, 'projects:open', { id: project.id });
    const npcs = await Promise.all([0, 1, 2, 3].map((n) => must(server, 'npcs:create', { name: `Keeper ${n}` })));
    const stories = await Promise.all(
      [0, 1, 2, 3].map((n) => must(server, 'content:create', { kind: 'story', name: `Log ${n}`, data: story('') })),
    );
    const dialogues = await Promise.all([0, 1, 2, 3].map((n) => must(server, 'dialogues:create', { name: `Talk ${n}` })));
    // A dialogue save names the revision it builds on, so each dialogue takes its edits one at a time.
    const dialogueLanes = dialogues.map((d) => ({ id: d.id, revision: d.revision, busy: Promise.resolve() }));

    /** Sends edit `i` (NPC saves, dialogue node edits, new stories and story saves in turn); returns what it promised once acknowledged. */
    const edit = async (i: number): Promise<Promised | null> => {
      const marker = `edit-${i}-${'x'.repeat(i % 7)}`;
      switch (i % 4) {
        case 0: {
          const npc = npcs[i % npcs.length];
          const answer = await call(server, 'npcs:save', { id: npc.id, persona: { ...npc.persona, description: marker } });
          return answer.ok ? { kind: 'revision', itemId: npc.id, revision: answer.value.revision, marker } : null;
        }
        case 1: {
          const lane = dialogueLanes[i % dialogueLanes.length];
          const turn = lane.busy.then(async () => {
            const node = { ...newNode('line', `n${i}`), text: marker, speaker: 'Keeper' };
            const answer = await call(server, 'dialogues:save', { id: lane.id, baseRevision: lane.revision, upsertNodes: [node] });
            if (!answer.ok) return null;
            lane.revision = answer.value.revision;
            return { kind: 'node' as const, dialogueId: lane.id, nodeId: `n${i}`, marker };
          });
          lane.busy = turn.then(
            () => undefined,
            () => undefined,
          );
          return turn;
        }
        case 2: {
          const answer = await call(server, 'content:create', { kind: 'story', name: `Note ${i}`, data: story(marker) });
          return answer.ok ? { kind: 'item', itemId: answer.value.id, marker } : null;
        }
        default: {
          const target = stories[i % stories.length];
          const answer = await call(server, 'content:save', { id: target.id, data: story(marker) });
          return answer.ok ? { kind: 'revision', itemId: target.id, revision: answer.value.revision, marker } : null;
        }
      }
    };

    const acknowledged: Promised[] = [];
    let next = 0;
    let killed = false;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => server.process.once('exit', (_code, signal) => resolve(signal)));
    const worker = async () => {
      while (next < EDITS && !killed) {
        const i = next++;
        try {
          const promised = await edit(i);
          if (promised && !killed) acknowledged.push(promised);
        } catch {
          // The connection died with the backend: this edit was never acknowledged.
        }
        if (acknowledged.length >= KILL_AFTER && !killed) {
          killed = true;
          server.process.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    expect(await exited).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(next, 'the burst was cut short by the kill').toBeLessThan(EDITS);

    // The file straight after the crash, as SQLite recovers it from the WAL.
    expect(readdirSync(dataDir)).toContain('Crash Site.loreweaver-wal');
    const db = new Database(project.path);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }

    // Reopened by the studio, every acknowledged edit reads back: each revision, node and new item.
    const studio = makeStudio(dataDir);
    await callOk(studio, 'projects:open', { id: project.id });
    const nodes = new Map<string, Record<string, unknown>>();
    for (const d of dialogues) nodes.set(d.id, (await callOk(studio, 'dialogues:get', { id: d.id })).dialogue.nodes);
    const missing: Promised[] = [];
    for (const p of acknowledged) {
      const text =
        p.kind === 'node'
          ? JSON.stringify(nodes.get(p.dialogueId)?.[p.nodeId] ?? null)
          : JSON.stringify(await studio.call('content:revision', { id: p.itemId, revision: p.kind === 'revision' ? p.revision : 1 }));
      if (!text.includes(p.marker)) missing.push(p);
    }
    expect(missing).toEqual([]);
    studio.close();
  });
});
