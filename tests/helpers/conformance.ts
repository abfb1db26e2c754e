import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createRuntime,
  DialogueRuntimeError,
  DIALOGUE_SCHEMA_VERSION,
  type Dialogue,
  type DialogueRuntime,
  type RuntimeOptions,
} from '../../main/domain/dialogue';
import { fromPackDialogue, type PackDialogue } from '../../main/domain/pack';
import type { Quest } from '../../main/domain/quest';
import type { luauWorkspace } from './luau';

const here = dirname(fileURLToPath(import.meta.url));

/** One scripted playthrough: a pack, where to start, what the player does, and what must come out. */
export interface ConformanceCase {
  name: string;
  description: string;
  /** With quest definitions, every runtime plays the quests by them (the studio gets them as `quests`). */
  pack: { dialogues: PackDialogue[]; quests?: Quest[] };
  /** Quests whose status and stage the outcome reports. */
  questIds: string[];
  dialogueId: string;
  options: RuntimeOptions;
  /** `advance: true` (or the improvised text), `choose: optionId`, `follow: true` to continue after a jump to another dialogue. */
  script: ({ advance: true | string } | { choose: string } | { follow: true })[];
  expected?: ConformanceOutcome;
}

export interface ConformanceOutcome {
  steps: unknown[];
  transcript: unknown[];
  events: unknown[];
  history: string[];
  state: unknown;
  quests: Record<string, { status: string; stage: number }>;
}

export const CONFORMANCE_DIR = join(here, '../fixtures/conformance');
export const RUNTIME_DIR = join(here, '../../resources/runtime');

export function loadCases(): { file: string; case: ConformanceCase }[] {
  return readdirSync(CONFORMANCE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, case: JSON.parse(readFileSync(join(CONFORMANCE_DIR, file), 'utf8')) as ConformanceCase }));
}

/** Empty arrays and empty objects read the same (a Lua table cannot tell them apart); undefined fields drop. */
export function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value.map(normalize) : {};
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, normalize(v)]),
  );
}

/** Plays a case with the studio's runtime or the exported JavaScript one (built from it), following jumps as test chat does. */
function play(
  c: ConformanceCase,
  start: (dialogueId: string, options: RuntimeOptions) => DialogueRuntime,
  isMisuse: (e: unknown) => boolean,
) {
  let runner = start(c.dialogueId, c.options);
  const steps: unknown[] = [runner.step];
  const transcript: unknown[] = [];
  const events: unknown[] = [];
  const history: string[] = [];
  const collect = () => {
    transcript.push(...runner.transcript);
    events.push(...runner.events);
    history.push(...runner.history);
  };
  for (const op of c.script) {
    try {
      if ('choose' in op) steps.push(runner.choose(op.choose));
      else if ('follow' in op) {
        const jump = (runner.step as { jump: { dialogueId: string; nodeId?: string } }).jump;
        collect();
        runner = start(jump.dialogueId, { seed: c.options.seed, state: runner.state, startNodeId: jump.nodeId });
        steps.push(runner.step);
      } else steps.push(runner.advance(op.advance === true ? undefined : op.advance));
    } catch (error) {
      if (!isMisuse(error)) throw error;
      steps.push({ error: (error as Error).message });
    }
  }
  collect();
  return { steps, transcript, events, history, state: runner.state };
}

const toDialogue = (d: PackDialogue): Dialogue => ({ schemaVersion: DIALOGUE_SCHEMA_VERSION, ...fromPackDialogue(d) });

/** The studio's own runtime (main/domain/dialogue), on the pack's dialogues turned back into records; detours reach all of them. */
export function runStudio(c: ConformanceCase): ConformanceOutcome {
  const dialogues = new Map(c.pack.dialogues.map((d) => [d.id, toDialogue(d)]));
  const outcome = play(
    c,
    (id, options) => createRuntime(dialogues.get(id)!, { ...options, quests: c.pack.quests, dialogues: (other) => dialogues.get(other) }),
    (e) => e instanceof DialogueRuntimeError,
  );
  const quests = Object.fromEntries(
    c.questIds.map((q) => {
      const progress = outcome.state.quests[q];
      return [q, progress ? { status: progress.status, stage: progress.stage } : { status: 'inactive', stage: 0 }];
    }),
  );
  return normalize({ ...outcome, quests }) as ConformanceOutcome;
}

interface WebRuntime {
  createDialogueRunner(pack: unknown, id: string, options: unknown): DialogueRuntime;
  createQuestState(
    pack: unknown,
    progress?: unknown,
  ): { apply(events: unknown[]): void; status(id: string): string; stage(id: string): number };
  DialogueRuntimeError: new (message: string) => Error;
}

export const loadWebRuntime = async (): Promise<WebRuntime> =>
  (await import(pathToFileURL(join(RUNTIME_DIR, 'web/loreweaver-runtime.js')).href)) as WebRuntime;

/** The exported JavaScript runtime, in this Node process. */
export function runWeb(c: ConformanceCase, web: WebRuntime): ConformanceOutcome {
  const outcome = play(
    c,
    (id, options) => web.createDialogueRunner(c.pack, id, options),
    (e) => e instanceof web.DialogueRuntimeError,
  );
  const quests = web.createQuestState(c.pack, c.options.state?.quests);
  quests.apply(outcome.events);
  const view = Object.fromEntries(c.questIds.map((q) => [q, { status: quests.status(q), stage: quests.stage(q) }]));
  return normalize({ ...outcome, quests: view }) as ConformanceOutcome;
}

/** The exported Luau runtime, run by the real Luau CLI in a workspace of tests/helpers/luau.ts, on the case (or a quest tracker script). */
export function runLuau(workspace: ReturnType<typeof luauWorkspace>, c: object): unknown {
  return normalize(JSON.parse(workspace.run('conformance.luau', JSON.stringify(c))));
}
