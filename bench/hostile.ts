import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPack, preparePack } from '../main/core/export/pack-export';
import { Studio } from '../main/core/studio';
import { exportCardPng } from '../main/domain/cards';
import { newNode } from '../main/domain/dialogue/dialogue-factory';
import type { DialogueNode } from '../main/domain/dialogue/dialogue-schema';
import { newNpcPersona } from '../main/domain/npc';
import type { MethodInput, MethodName, MethodOutput } from '../preload/api';
import { keepersLorebook } from '../tests/helpers/large-lorebook';
import { zipBomb } from '../tests/helpers/zip-bomb';
import { settle, watchEventLoop } from './loop-delay';
import { scaleProject } from './scale-project';

/** Issue 20: nothing a file holds may keep the event loop from answering `/api/health` within 100 ms. */
const BUDGET_MS = 100;
const PROJECT_ITEMS = 5000;
const LOREBOOK_ENTRIES = 10_000;
const DIALOGUE_NODES = 5000;

/** The worst event-loop delay while `work` ran, how long it took and how it ended. */
async function worstLoopDelay(work: () => Promise<unknown>): Promise<{ worstMs: number; tookMs: number; outcome: string }> {
  await settle();
  const watch = watchEventLoop();
  const started = performance.now();
  const outcome = await work().then(
    () => 'ok',
    (error: Error) => `refused: ${error.message.slice(0, 90)}`,
  );
  const tookMs = performance.now() - started;
  await settle();
  return { worstMs: watch.stop(), tookMs, outcome };
}

/**
 * `npm run bench -- hostile`: each hostile input of issue 20, and the heavy work of a
 * 5,000-item project (pack import, validation, export), through the studio's API
 * in-process; prints the worst event-loop delay of each as a ratio of the 100 ms budget.
 */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'loreweaver-bench-hostile-'));
  const studio = new Studio({
    workspaceDir: join(dir, 'workspace'),
    workspaceLocked: true,
    configDir: join(dir, 'config'),
    host: 'browser',
    version: 'bench',
    fileRoots: [dir],
  });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await studio.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const file = (name: string, content: string | Uint8Array) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  try {
    const project = await call('projects:create', { name: 'Hostile' });
    await call('projects:open', { id: project.id });
    const npc = await call('npcs:create', {
      name: 'Vessa',
      persona: {
        firstMessage: 'Well met, traveller of the long road!!',
        lorebook: {
          extensions: {},
          entries: [{ keys: ['/^(\\w+\\s?)*$/m'], content: 'Greedy.', enabled: true, insertionOrder: 1, useRegex: true, extensions: {} }],
        },
      },
    });
    const runaway = await call('dialogues:create', { name: 'Runaway' });
    const loop = {
      id: 'loop',
      kind: 'action',
      position: { x: 0, y: 0 },
      actions: Array.from({ length: 32 }, (_, i) => ({ type: 'command', name: `shout_${i}`, args: Array(16).fill('z'.repeat(1000)) })),
      next: 'loop',
    } as DialogueNode;
    await call('dialogues:save', {
      id: runaway.id,
      baseRevision: runaway.revision,
      startNodeId: 'loop',
      deleteNodeIds: [],
      upsertNodes: [loop],
    });
    const lorebook = await call('npcs:create', {
      name: 'Archivist',
      persona: {
        firstMessage: 'The archive remembers the harbour, the lighthouse and the salt roads.',
        lorebook: {
          extensions: {},
          entries: Array.from({ length: LOREBOOK_ENTRIES }, (_, i) => ({
            keys: i % 2 ? [`/\\b(?:harbou?r|quay)${i}\\w*/i`] : [`lighthouse${i}`, `salt road ${i}`],
            content: `Entry ${i}: the keeper's log.`,
            enabled: true,
            insertionOrder: i,
            useRegex: i % 2 === 1,
            extensions: {},
          })),
        },
      },
    });
    const big = await call('dialogues:create', { name: 'Big' });
    const bigNodes = Array.from({ length: DIALOGUE_NODES }, (_, i): DialogueNode => ({
      ...newNode('line', `n${i}`, { x: i * 10, y: 0 }),
      speaker: 'Vessa',
      text: `Line ${i} of a long conversation about the harbour.`,
      next: i + 1 < DIALOGUE_NODES ? `n${i + 1}` : 'end',
    }));
    const card = Buffer.from(
      exportCardPng(
        {
          ...newNpcPersona({ id: 'keeper', name: 'Keeper' }),
          lorebook: keepersLorebook(LOREBOOK_ENTRIES),
        },
        'v3',
      ),
    ).toString('base64');
    let cardNpcId = '';
    const zipBombFile = file('bomb.zip', zipBomb('npcs.json', 100, 2048));
    const world = scaleProject(PROJECT_ITEMS);
    const meta = { packId: 'hostile-world', name: 'World', version: '1.0.0', createdWith: 'bench' };
    await exportPack(world, preparePack(world, meta), meta, { outDir: join(dir, 'world'), targets: ['json'] });
    // The first prompt starts the model engine process: not what is measured.
    await call('conversations:inspect', { id: (await call('conversations:start', { npcId: npc.id })).id });

    const rows: [string, () => Promise<unknown>][] = [
      [
        'lorebook key /^(\\w+\\s?)*$/m, 38-char greeting',
        async () => call('conversations:inspect', { id: (await call('conversations:start', { npcId: npc.id })).id }),
      ],
      ['zip bomb: 2 MB, declares 100 B, inflates to 2 GB', () => call('import:pack', { path: zipBombFile })],
      ['self-looping node, 32 long commands', () => call('playthroughs:start', { dialogueId: runaway.id })],
      [
        `test chat prompt, ${LOREBOOK_ENTRIES.toLocaleString('en')}-entry lorebook`,
        async () => call('conversations:inspect', { id: (await call('conversations:start', { npcId: lorebook.id })).id }),
      ],
      [
        `import a card with a ${LOREBOOK_ENTRIES.toLocaleString('en')}-entry lorebook (PNG)`,
        async () => (cardNpcId = (await call('npcs:importCard', { data: card })).id),
      ],
      ['export that NPC as a PNG card', () => call('npcs:exportCard', { id: cardNpcId, format: 'png', spec: 'v3' })],
      ['delete that NPC', () => call('npcs:delete', { id: cardNpcId })],
      [`read the ${LOREBOOK_ENTRIES.toLocaleString('en')}-entry NPC`, () => call('npcs:get', { id: lorebook.id })],
      [
        'save it with one entry changed',
        async () => {
          const { persona, revision } = await call('npcs:get', { id: lorebook.id });
          const entries = persona.lorebook!.entries.map((entry, i) => (i === 5 ? { ...entry, content: 'A new page.' } : entry));
          return call('npcs:save', {
            id: lorebook.id,
            persona: { ...persona, lorebook: { ...persona.lorebook!, entries } },
            baseRevision: revision,
          });
        },
      ],
      ['restore its first revision', () => call('content:restore', { id: lorebook.id, revision: 1 })],
      [
        `save a ${DIALOGUE_NODES.toLocaleString('en')}-node dialogue`,
        () =>
          call('dialogues:save', {
            id: big.id,
            baseRevision: big.revision,
            startNodeId: 'n0',
            deleteNodeIds: ['start'],
            upsertNodes: bigNodes,
          }),
      ],
      [`validate the ${DIALOGUE_NODES.toLocaleString('en')}-node dialogue`, () => call('dialogues:validate', { id: big.id })],
      ['copy it', () => call('dialogues:duplicate', { id: big.id })],
      ['restore its first revision', () => call('dialogues:restore', { id: big.id, revision: big.revision })],
      [`import a ${PROJECT_ITEMS.toLocaleString('en')}-item pack`, () => call('import:pack', { path: join(dir, 'world/pack') })],
      [`check the ${PROJECT_ITEMS.toLocaleString('en')}-item project`, () => call('export:validate', { projectId: project.id })],
      [`export it (json)`, () => call('export:pack', { projectId: project.id, targets: ['json'], outDir: join(dir, 'out') })],
      ['247-byte .twee: "::", 220 spaces, "["', () => call('import:dialogue', { path: file('hostile.twee', `::${' '.repeat(220)}[\n`) })],
      [
        '4 KB .yarn line: "<<a", 4,000 spaces, "x"',
        () => call('import:dialogue', { path: file('hostile.yarn', `title: Start\n---\n<<a${' '.repeat(4000)}x\n===\n`) }),
      ],
    ];
    console.log(`Worst event-loop delay per input (budget ${BUDGET_MS} ms; ratio ≤ 1 passes)`);
    for (const [name, work] of rows) {
      const { worstMs, tookMs, outcome } = await worstLoopDelay(work);
      const ratio = worstMs / BUDGET_MS;
      console.log(
        `${ratio <= 1 ? 'ok  ' : 'SLOW'} ${name.padEnd(48)} worst ${worstMs.toFixed(0).padStart(6)} ms  ${ratio.toFixed(2).padStart(6)}×  (took ${tookMs.toFixed(0)} ms, ${outcome})`,
      );
    }
  } finally {
    studio.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
