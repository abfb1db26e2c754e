import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, type DialogueRuntime, type DialogueState, type RuntimeStep } from '../../main/domain/dialogue';
import { Saliency } from '../../main/domain/dialogue/dialogue-schema';
import { importYarn } from '../../main/domain/interop/yarn-import';

/**
 * Yarn Spinner's own test scripts, played by the studio's runtime as YarnSpinner's
 * TestPlan.cs plays them: each `.yarn` is imported and run as its `.testplan` says, every
 * line, option and command compared in order.
 */
const PLANS = join(__dirname, '../../../shared/corpora/yarn/testplans');

type PlanStep =
  | { type: 'line'; text: string }
  | { type: 'command'; text: string }
  | { type: 'option'; text: string; disabled: boolean }
  | { type: 'select'; option: number }
  | { type: 'stop' };

interface PlanRun {
  node: string;
  variables: Record<string, boolean | number | string>;
  steps: PlanStep[];
}

interface TestPlan {
  saliency?: string;
  runs: PlanRun[];
}

const planValue = (text: string): boolean | number | string =>
  text === 'true' || text === 'false' ? text === 'true' : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text.replace(/^"(.*)"$/, '$1');

/** Reads a `.testplan`: `#` comments, `---` between runs, and the `line: \`…\``, `option:`, `select:`, `command:`, `stop`, `node:`, `set:`, `saliency:` steps. */
function readPlan(source: string): TestPlan {
  const plan: TestPlan = { runs: [] };
  let run: PlanRun = { node: 'Start', variables: {}, steps: [] };
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line === '---') {
      plan.runs.push(run);
      run = { node: 'Start', variables: {}, steps: [] };
      continue;
    }
    const [, keyword, rest = ''] = /^(\w+)(?::\s*(.*))?$/.exec(line) ?? [];
    const quoted = rest.startsWith('`') ? rest.slice(1, rest.lastIndexOf('`')) : rest;
    switch (keyword) {
      case 'line':
      case 'command':
        run.steps.push({ type: keyword, text: quoted });
        break;
      case 'option':
        run.steps.push({ type: 'option', text: quoted, disabled: rest.slice(rest.lastIndexOf('`') + 1).includes('[disabled]') });
        break;
      case 'select':
        run.steps.push({ type: 'select', option: Number(rest) });
        break;
      case 'stop':
        run.steps.push({ type: 'stop' });
        break;
      case 'node':
        run.node = rest;
        break;
      case 'set': {
        const [, name, value] = /^\$(\w+)\s*=\s*(.+)$/.exec(rest) ?? [];
        run.variables[name] = planValue(value.trim());
        break;
      }
      case 'saliency':
        plan.saliency = rest;
        break;
      default:
        throw new Error(`Unknown test plan line: ${line}`);
    }
  }
  plan.runs.push(run);
  return plan;
}

/** What the player or the game saw next, written as the plan writes it. */
type Seen = { kind: 'command'; text: string } | { kind: 'step'; step: RuntimeStep };

const described = (seen: Seen | undefined): string => {
  if (!seen) return 'nothing';
  if (seen.kind === 'command') return `command: ${seen.text}`;
  const { step } = seen;
  switch (step.type) {
    case 'line':
    case 'aiLine':
      return `line: ${step.speaker ? `${step.speaker}: ` : ''}${step.type === 'line' ? step.text : step.fallbackText}`;
    case 'choice':
      return `choice of ${step.options.length}`;
    case 'end':
      return step.reason === 'end' ? 'stop' : `end (${step.reason}${step.message ? `: ${step.message}` : ''})`;
  }
};

/** Plays one run, comparing each line, option, selection, command and stop with what the runtime shows. */
function play(runtime: DialogueRuntime, steps: PlanStep[]): void {
  const queue: Seen[] = [];
  let events = 0;
  const pull = () => {
    for (const event of runtime.events.slice(events))
      if (event.type === 'command') queue.push({ kind: 'command', text: [event.name, ...event.args.map(String)].join(' ') });
    events = runtime.events.length;
    queue.push({ kind: 'step', step: runtime.step });
  };
  pull();
  let option = 0;
  for (const [index, expected] of steps.entries()) {
    const where = `step ${index + 1}`;
    if (expected.type === 'command') expect(described(queue.shift()), where).toBe(`command: ${expected.text}`);
    else if (expected.type === 'line') {
      expect(described(queue.shift()), where).toBe(`line: ${expected.text}`);
      runtime.advance();
      pull();
    } else if (expected.type === 'stop') expect(described(queue.shift()), where).toBe('stop');
    else {
      const seen = queue[0];
      if (seen?.kind !== 'step' || seen.step.type !== 'choice') {
        expect(described(seen), where).toBe(expected.type === 'option' ? `option: ${expected.text}` : `select: ${expected.option}`);
        return;
      }
      const options = seen.step.options;
      if (expected.type === 'option') {
        const actual = options[option++];
        expect(actual && { text: actual.text, disabled: !actual.available }, where).toEqual({ text: expected.text, disabled: expected.disabled });
      } else {
        expect(option, `${where}: the plan lists every option`).toBe(options.length);
        queue.shift();
        option = 0;
        if (expected.option === 0) {
          expect(options.some((o) => o.available), `${where}: no option is available`).toBe(false);
          runtime.advance();
        } else runtime.choose(options[expected.option - 1].id);
        pull();
      }
    }
  }
}

const plans = existsSync(PLANS) ? readdirSync(PLANS).filter((file) => file.endsWith('.testplan')) : [];

describe.runIf(plans.length > 0)("Yarn Spinner's test plans, imported and played by the studio's runtime", () => {
  it('the corpus holds the 16 plans', () => {
    expect(plans).toHaveLength(16);
  });

  for (const file of plans) {
    it(file.replace('.testplan', ''), () => {
      const plan = readPlan(readFileSync(join(PLANS, file), 'utf8'));
      const dialogue = importYarn(readFileSync(join(PLANS, file.replace('.testplan', '.yarn')), 'utf8'), { id: 'yarn', name: file });
      let state: Partial<DialogueState> = {};
      for (const run of plan.runs) {
        state = { ...state, variables: { ...state.variables, ...run.variables } };
        const options = { seed: 'yarn', state, startNodeId: run.node, ...(plan.saliency ? { saliency: Saliency.parse(plan.saliency) } : {}) };
        const runtime = createRuntime(dialogue, options);
        play(runtime, run.steps);
        state = runtime.state;
      }
    });
  }
});
