import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Studio } from '../main/core/studio';
import { validateDialogue, type DialogueNode } from '../main/domain/dialogue';
import type { MethodInput, MethodName, MethodOutput } from '../preload/api';
import { generateDialogue } from './dialogue-generator';

const NODES = 10_000;
const EDITS = 300;
const LOADS = 15;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/**
 * Issue targets for a 10,000-node dialogue through the studio's API in-process (real
 * SQLite file, WAL): one node edit saves in under 5 ms p95, loading takes under 200 ms,
 * validating under 100 ms.
 */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'loreweaver-bench-dialogue-'));
  const studio = new Studio({
    workspaceDir: dir,
    workspaceLocked: true,
    configDir: join(dir, '.loreweaver'),
    host: 'browser',
    version: 'bench',
  });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await studio.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  try {
    const project = await call('projects:create', { name: 'Bench' });
    await call('projects:open', { id: project.id });
    const created = await call('dialogues:create', { name: 'Epic' });
    const big = generateDialogue(NODES);
    let { revision } = await call('dialogues:save', {
      id: created.id,
      baseRevision: created.revision,
      startNodeId: big.startNodeId,
      variables: big.variables,
      upsertNodes: Object.values(big.nodes),
      deleteNodeIds: ['start', 'end'].filter((id) => !(id in big.nodes)),
    });
    const nodes = Object.values(big.nodes).filter((n): n is Extract<DialogueNode, { kind: 'line' }> => n.kind === 'line');

    const saves: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const node = nodes[(i * 37) % nodes.length];
      const started = performance.now();
      ({ revision } = await call('dialogues:save', {
        id: created.id,
        baseRevision: revision,
        upsertNodes: [{ ...node, text: `${node.text} (edit ${i})` }],
      }));
      saves.push(performance.now() - started);
    }
    const loads: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const started = performance.now();
      await call('dialogues:get', { id: created.id });
      loads.push(performance.now() - started);
    }
    const validations: number[] = [];
    const rulesOnly: number[] = [];
    const loaded = (await call('dialogues:get', { id: created.id })).dialogue;
    for (let i = 0; i < LOADS; i++) {
      let started = performance.now();
      await call('dialogues:validate', { id: created.id });
      validations.push(performance.now() - started);
      started = performance.now();
      validateDialogue(loaded);
      rulesOnly.push(performance.now() - started);
    }
    const saveP95 = percentile(saves, 0.95);
    const loadMedian = percentile(loads, 0.5);
    const validateMedian = percentile(rulesOnly, 0.5);
    console.log(`dialogue storage benchmark (${Object.keys(big.nodes).length} nodes, ${EDITS} single-node edits, ${LOADS} loads)`);
    console.log(`  save one node: median ${percentile(saves, 0.5).toFixed(2)} ms, p95 ${saveP95.toFixed(2)} ms`);
    console.log(`  load whole dialogue: median ${loadMedian.toFixed(1)} ms, max ${Math.max(...loads).toFixed(1)} ms`);
    console.log(
      `  validate: rules median ${validateMedian.toFixed(1)} ms; through the API (load + rules) median ${percentile(validations, 0.5).toFixed(1)} ms`,
    );
    console.log(`  ratio save p95 / 5 ms target: ${(saveP95 / 5).toFixed(2)}`);
    console.log(`  ratio load / 200 ms target: ${(loadMedian / 200).toFixed(2)}`);
    console.log(`  ratio validate / 100 ms target: ${(validateMedian / 100).toFixed(2)}`);
  } finally {
    studio.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
