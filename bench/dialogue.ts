import { Dialogue, validateDialogue } from '../main/domain/dialogue';
import { generateDialogue } from './dialogue-generator';
import { generateRichDialogue } from './rich-dialogue-generator';

const NODES = 10_000;
const RUNS = 50;
const VALIDATE_BUDGET_MS = 100;
/** The load budget; parsing the stored JSON with the schema is the domain's share of it. */
const LOAD_BUDGET_MS = 200;

/** Times `runs` calls; the first is also reported alone, since an editor opening a dialogue pays it cold. */
function measure(runs: number, task: () => void): { first: number; median: number; p95: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    task();
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { first: times[0], median: sorted[Math.floor(runs / 2)], p95: sorted[Math.ceil(runs * 0.95) - 1] };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Validation and schema-parse time of one generated dialogue, against the budgets. */
function report(label: string, dialogue: Dialogue): number {
  const json = JSON.stringify(dialogue);
  const nodeCount = Object.keys(dialogue.nodes).length;
  let problems = 0;
  const validate = measure(RUNS, () => (problems = validateDialogue(dialogue).length));
  const parse = measure(RUNS, () => Dialogue.parse(JSON.parse(json)));

  console.log(
    `dialogue benchmark, ${label} (${nodeCount} nodes, ${(json.length / 1024).toFixed(0)} kB JSON, ${RUNS} runs, ${problems} problems)`,
  );
  console.log(`  validateDialogue: median ${ms(validate.median)}, p95 ${ms(validate.p95)} (first run, cold: ${ms(validate.first)})`);
  console.log(`  JSON.parse + Dialogue.parse: median ${ms(parse.median)}, p95 ${ms(parse.p95)} (first run, cold: ${ms(parse.first)})`);
  console.log(`  ratio validate median / ${VALIDATE_BUDGET_MS} ms budget: ${(validate.median / VALIDATE_BUDGET_MS).toFixed(2)}`);
  console.log(`  ratio validate p95 / ${VALIDATE_BUDGET_MS} ms budget: ${(validate.p95 / VALIDATE_BUDGET_MS).toFixed(2)}`);
  console.log(`  ratio validate first run / ${VALIDATE_BUDGET_MS} ms budget: ${(validate.first / VALIDATE_BUDGET_MS).toFixed(2)}`);
  console.log(`  ratio parse p95 / ${LOAD_BUDGET_MS} ms load budget: ${(parse.p95 / LOAD_BUDGET_MS).toFixed(2)}`);
  return validate.median;
}

/**
 * 10,000-node dialogues validated and parsed against the budgets: one of the first
 * language (lines, choices, branches, actions) and one that uses the deeper language on
 * every scene (sections, groups, detours, once, templates, enums, smart variables).
 */
export async function run(): Promise<void> {
  const first = report('first language', generateDialogue(NODES));
  const rich = report('richer language', generateRichDialogue(NODES));
  console.log(`ratio validate median, richer / first language: ${(rich / first).toFixed(2)}`);
}
