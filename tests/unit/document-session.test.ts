import { describe, expect, it } from 'vitest';
import type { Studio } from '../../main/core/studio';
import { newNode, type DialogueNode } from '../../main/domain/dialogue';
import { NPC_LIMITS } from '../../main/domain/npc';
import { ApiClient, UnreachableError } from '../../renderer/src/api/api-client';
import type { Transport } from '../../renderer/src/api/transport';
import { dialogueDocumentKind } from '../../renderer/src/dialogues/graph/dialogue-document-kind';
import { createDocumentSession, type DocumentSession } from '../../renderer/src/documents/document-session';
import { createOpenDocuments } from '../../renderer/src/documents/open-documents';
import { reopenProject } from '../../renderer/src/documents/reopen-project';
import { npcDocumentKind } from '../../renderer/src/npcs/npc-document-kind';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/**
 * A real Studio behind the renderer's own API client, as the HTTP transport would reach it;
 * `down()` makes calls fail as an unreachable server does, `restart()` replaces the Studio
 * with a fresh one on the same workspace (no project open, as after a server restart).
 */
async function studioClient() {
  const dir = tempDir();
  let studio: Studio = makeStudio(dir);
  let reachable = true;
  const transport: Transport = {
    kind: 'http',
    call: async (method, input) => {
      if (!reachable) throw new UnreachableError('The studio server is not reachable.');
      return studio.call(method, input);
    },
    onEvent: (listener) => studio.events.subscribe(listener),
  };
  const project = await callOk(studio, 'projects:create', { name: 'Sessions' });
  await callOk(studio, 'projects:open', { id: project.id });
  return {
    api: new ApiClient(transport),
    project,
    get studio() {
      return studio;
    },
    down: () => (reachable = false),
    restart: () => {
      studio.close();
      studio = makeStudio(dir);
      reachable = true;
    },
  };
}

/** A session that saves only when flushed (the debounce is tested through `flush`, never a timer). */
async function opened<T, I>(session: DocumentSession<T, I>) {
  await session.getState().load();
  return session;
}

const NEVER = 1e9;

describe('document session', () => {
  it('loads, makes labelled undo steps (typing in one field is one), and saves the whole record on top of the stored revision', async () => {
    const { api, studio } = await studioClient();
    const { id, revision } = await callOk(studio, 'npcs:create', { name: 'Mirela' });
    let clock = 0;
    const session = await opened(createDocumentSession(api, npcDocumentKind(id), { delayMs: NEVER, now: () => clock }));
    expect(session.getState()).toMatchObject({ status: 'saved', revision, value: { name: 'Mirela' } });

    const s = session.getState();
    for (const name of ['Mi', 'Mir', 'Mira']) {
      s.edit('Edit name', (p) => ({ ...p, name }), 'name');
      clock += 100;
    }
    s.edit('Edit first message', (p) => ({ ...p, firstMessage: 'Well met.' }), 'firstMessage');
    expect(session.getState().past.map((step) => step.label)).toEqual(['Edit name', 'Edit first message']);
    expect(session.getState().status).toBe('pending');

    await s.flush();
    expect(session.getState()).toMatchObject({ status: 'saved', revision: revision + 1, failure: null });
    expect((await callOk(studio, 'npcs:get', { id })).persona).toMatchObject({ name: 'Mira', firstMessage: 'Well met.' });

    s.undo();
    expect(session.getState().value).toMatchObject({ name: 'Mira', firstMessage: '' });
    s.undo();
    expect(session.getState().value?.name).toBe('Mirela');
    s.redo();
    await s.flush();
    expect((await callOk(studio, 'npcs:get', { id })).persona).toMatchObject({ name: 'Mira', firstMessage: '' });
    expect(session.getState().future.map((step) => step.label)).toEqual(['Edit first message']);
  });

  it('keeps a refused edit with the field it names, saves once it is fixed, and reads editor-kept changes only when saving', async () => {
    const { api, studio } = await studioClient();
    const { id, revision } = await callOk(studio, 'npcs:create', { name: 'Orin' });
    const session = await opened(createDocumentSession(api, npcDocumentKind(id), { delayMs: NEVER }));
    const tooLong = 'x'.repeat(NPC_LIMITS.maxShortText + 1);
    session.getState().edit('Edit name', (p) => ({ ...p, name: tooLong }));
    await session.getState().flush();
    expect(session.getState()).toMatchObject({ status: 'failed', revision, value: { name: tooLong } });
    expect(session.getState().failure?.message).toMatch(/Invalid input for npcs:save/);
    expect(session.getState().failure?.problems).toEqual([{ field: 'name', message: expect.stringMatching(/\d+/) }]);

    let reads = 0;
    session.getState().touch((p) => (reads++, { ...p, name: 'Orin the Grey' }));
    expect(reads).toBe(0);
    await session.getState().flush();
    expect(reads).toBe(1);
    expect(session.getState()).toMatchObject({ status: 'saved', revision: revision + 1, failure: null });
    expect((await callOk(studio, 'npcs:get', { id })).persona.name).toBe('Orin the Grey');
  });

  it('stops saving on a conflict, keeping the edit, until the stored version is reloaded', async () => {
    const { api, studio } = await studioClient();
    const { id, persona } = await callOk(studio, 'npcs:create', { name: 'Vell' });
    const session = await opened(createDocumentSession(api, npcDocumentKind(id), { delayMs: NEVER }));
    await callOk(studio, 'npcs:save', { id, persona: { ...persona, firstMessage: 'From elsewhere' } });
    session.getState().edit('Edit first message', (p) => ({ ...p, firstMessage: 'From here' }));
    await session.getState().flush();
    expect(session.getState()).toMatchObject({ status: 'conflict', value: { firstMessage: 'From here' } });
    session.getState().edit('Edit name', (p) => ({ ...p, name: 'Vella' }));
    await session.getState().flush();
    expect((await callOk(studio, 'npcs:get', { id })).persona).toMatchObject({ name: 'Vell', firstMessage: 'From elsewhere' });

    await session.getState().reload();
    expect(session.getState()).toMatchObject({ status: 'saved', value: { firstMessage: 'From elsewhere' }, past: [], generation: 2 });
  });

  it('holds back a refused dialogue node and still saves every other change; the node saves once fixed', async () => {
    const { api, studio } = await studioClient();
    const { id } = await callOk(studio, 'dialogues:create', { name: 'Quest giver' });
    const session = await opened(createDocumentSession(api, dialogueDocumentKind(id), { delayMs: NEVER }));
    const action = (questId: string) =>
      ({ ...newNode('action', 'give', { x: 0, y: 0 }), actions: [{ type: 'startQuest', questId }] }) as DialogueNode;
    const setNode = (node: DialogueNode) => session.getState().touch((d) => ({ ...d, nodes: { ...d.nodes, [node.id]: node } }));

    setNode(action(''));
    await session.getState().flush();
    expect(session.getState().status).toBe('failed');
    expect(session.getState().failure?.problems).toEqual([{ nodeId: 'give', field: 'actions.0.questId', message: expect.any(String) }]);

    session.getState().touch((d) => ({ ...d, name: 'Quest giver (north)' }));
    await session.getState().flush();
    let stored = await callOk(studio, 'dialogues:get', { id });
    expect(stored.dialogue.name).toBe('Quest giver (north)');
    expect(stored.dialogue.nodes.give).toBeUndefined();
    expect(session.getState()).toMatchObject({ status: 'failed', revision: stored.revision });

    setNode(action('q-wolves'));
    await session.getState().flush();
    stored = await callOk(studio, 'dialogues:get', { id });
    expect(stored.dialogue.nodes.give).toMatchObject({ actions: [{ type: 'startQuest', questId: 'q-wolves' }] });
    expect(session.getState()).toMatchObject({ status: 'saved', failure: null, revision: stored.revision });
  });

  it('waits offline while the studio is away, and after a restart reopens the project and sends what waited', async () => {
    const client = await studioClient();
    const { id } = await callOk(client.studio, 'npcs:create', { name: 'Tamsin' });
    const documents = createOpenDocuments();
    const session = documents
      .getState()
      .open(`npc:${id}`, () => createDocumentSession(client.api, npcDocumentKind(id), { delayMs: NEVER }));
    await session.getState().load();
    expect(documents.getState().hasUnsaved()).toBe(false);

    client.down();
    session.getState().edit('Edit first message', (p) => ({ ...p, firstMessage: 'Typed while the server was down' }));
    expect(documents.getState().hasUnsaved()).toBe(true);
    await session.getState().flush();
    expect(session.getState().status).toBe('offline');
    expect(documents.getState().summary).toMatchObject({ status: 'offline', message: expect.stringMatching(/not reachable/) });

    client.restart();
    session.getState().edit('Edit first message', (p) => ({ ...p, firstMessage: `${p.firstMessage}, and after` }));
    await session.getState().flush();
    expect(session.getState().status).toBe('offline');

    await reopenProject(client.api, client.project.id);
    await documents.getState().reconnected();
    expect(session.getState().status).toBe('saved');
    expect(documents.getState()).toMatchObject({ summary: { status: 'saved' } });
    expect((await callOk(client.studio, 'npcs:get', { id })).persona.firstMessage).toBe('Typed while the server was down, and after');
  });

  it('keeps a closed document that still owes a save, and gives it back when reopened', async () => {
    const client = await studioClient();
    const { id } = await callOk(client.studio, 'npcs:create', { name: 'Bram' });
    const documents = createOpenDocuments();
    const create = () => createDocumentSession(client.api, npcDocumentKind(id), { delayMs: NEVER });
    const session = documents.getState().open(`npc:${id}`, create);
    await session.getState().load();
    client.down();
    session.getState().edit('Edit name', (p) => ({ ...p, name: 'Bramwell' }));
    await documents.getState().close(`npc:${id}`);
    expect(documents.getState().hasUnsaved()).toBe(true);
    expect(documents.getState().open(`npc:${id}`, create)).toBe(session);

    client.restart();
    await reopenProject(client.api, client.project.id);
    await documents.getState().reconnected();
    await documents.getState().close(`npc:${id}`);
    expect(documents.getState().hasUnsaved()).toBe(false);
    expect(documents.getState().open(`npc:${id}`, create)).not.toBe(session);
  });
});
