import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_TARGETS } from '../preload/contract/export';
import { checkProject, exportPack, preparePack } from '../main/core/export/pack-export';
import { readPackSource } from '../main/core/export/pack-source';
import { newNpcPersona } from '../main/domain/npc';
import { checkPack } from '../main/domain/pack';
import type { ProjectContent } from '../main/domain/pack';
import { newQuest } from '../main/domain/quest';
import { generateDialogue } from './dialogue-generator';

const EXPORT_BUDGET_MS = 2000;
const VALIDATE_BUDGET_MS = 300;
const RUNS = 5;

/** The project: 10,000 dialogue nodes (one big dialogue), 500 NPCs with lorebooks, 1,000 quests. */
function bigProject(): ProjectContent {
  const dialogue = generateDialogue(10_000);
  return {
    npcs: Array.from({ length: 500 }, (_, i) => ({
      ...newNpcPersona({ id: `npc-${i}`, name: `Villager ${i}` }),
      role: 'villager',
      personality: 'Curious and talkative. '.repeat(20),
      lorebook: {
        extensions: {},
        entries: Array.from({ length: 5 }, (_, e) => ({
          keys: [`topic${e}`],
          content: `Lore ${e} of villager ${i}.`,
          enabled: true,
          insertionOrder: e,
          extensions: {},
        })),
      },
    })),
    dialogues: [dialogue],
    quests: Array.from({ length: 1000 }, (_, i) => ({
      ...newQuest({ id: `quest-${i}`, name: `Quest ${i}` }),
      summary: `Help villager ${i % 500}.`,
    })),
    items: [],
    locations: [],
    stories: [],
    poems: [],
    scripts: [],
  };
}

async function median(task: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const line = (label: string, ms: number, budget: number) =>
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  (budget ${budget} ms, ratio ${(ms / budget).toFixed(2)})`);

/** Export to every target and validation of the big project, median of five runs, against the budgets. */
export async function run(): Promise<void> {
  const project = bigProject();
  const meta = { packId: 'bench', name: 'Bench', version: '1.0.0', createdWith: 'bench' };
  const out = mkdtempSync(join(tmpdir(), 'loreweaver-bench-export-'));
  try {
    let files = 0;
    let errors = 0;
    const validate = await median(() => (errors = checkProject(project, meta).report.errors.length));
    const exportAll = await median(async () => {
      const prepared = preparePack(project, meta);
      files = (await exportPack(project, prepared, meta, { outDir: out, targets: EXPORT_TARGETS })).length;
    });
    const readBack = await median(() => readPackSource(join(out, 'pack')));
    const { pack } = preparePack(project, meta);
    const schemaOnly = await median(() => checkPack(pack));
    console.log(
      `project: 10,000 dialogue nodes, 500 NPCs, 1,000 quests; ${files} files over ${EXPORT_TARGETS.length} targets; ${errors} errors`,
    );
    line('validate (the Export page report)', validate, VALIDATE_BUDGET_MS);
    line('validate the built pack (schema, Roblox rules)', schemaOnly, VALIDATE_BUDGET_MS);
    line('validate an exported pack (hashes, schema)', readBack, VALIDATE_BUDGET_MS);
    line('export to every target, written to disk', exportAll, EXPORT_BUDGET_MS);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
