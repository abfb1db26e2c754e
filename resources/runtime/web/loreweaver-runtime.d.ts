/** Types of the Loreweaver web runtime (loreweaver-runtime.js), for a `loreweaver-pack` of format version 1. */

export type Value = boolean | number | string;

export interface PackLike {
  dialogues: {
    id: string;
    name: string;
    variables: { name: string; type: 'bool' | 'number' | 'string'; default: Value }[];
    startNodeId: string;
    nodes: Record<string, unknown>;
  }[];
  quests?: {
    id: string;
    name: string;
    summary: string;
    stages: { id: string; title: string; text: string }[];
    objectives: { id: string; text: string; stage: number }[];
  }[];
  [section: string]: unknown;
}

export interface QuestProgress {
  status: 'available' | 'active' | 'completed' | 'failed';
  stage: number;
  stageId?: string;
  objectives: Record<string, boolean>;
  counts?: Record<string, number>;
}

export interface DialogueState {
  variables: Record<string, Value>;
  quests: Record<string, QuestProgress>;
  inventory: Record<string, number>;
  visits: Record<string, Record<string, number>>;
}

export interface RunnerOptions {
  /** Same seed, same playthrough; feeds only `random()`. Defaults to 0. */
  seed?: number | string;
  state?: Partial<DialogueState>;
  startNodeId?: string;
  /** Branches, actions and local jumps in a row before the runner decides the dialogue loops (10,000). */
  maxAutomaticSteps?: number;
}

export interface ChoiceOptionView {
  id: string;
  text: string;
  available: boolean;
  unavailableReason?: string;
}

export type EndReason = 'end' | 'unconnected' | 'jump' | 'error';

export type RuntimeStep =
  | { type: 'line'; nodeId: string; speaker: string; text: string; lineId: string; emotion?: string }
  | { type: 'aiLine'; nodeId: string; speaker: string; instruction: string; fallbackText: string; lineId: string; emotion?: string }
  | { type: 'choice'; nodeId: string; options: ChoiceOptionView[] }
  | { type: 'end'; nodeId?: string; reason: EndReason; outcome?: string; jump?: { dialogueId: string; nodeId?: string }; message?: string };

export type TranscriptEntry =
  | { type: 'line'; nodeId: string; speaker: string; text: string; lineId: string; source: 'authored' | 'improvised' | 'fallback' }
  | { type: 'choice'; nodeId: string; optionId: string; text: string };

export type RuntimeEvent =
  | { type: 'variableChanged'; nodeId: string; name: string; from?: Value; to: Value }
  | { type: 'questStarted'; nodeId: string; questId: string }
  | { type: 'questAdvanced'; nodeId: string; questId: string; stage: number }
  | { type: 'objectiveCompleted'; nodeId: string; questId: string; objectiveId: string }
  | { type: 'questCompleted'; nodeId: string; questId: string }
  | { type: 'itemGiven'; nodeId: string; itemId: string; count: number }
  | { type: 'command'; nodeId: string; name: string; args: Value[] };

export interface DialogueRunner {
  readonly dialogueId: string;
  readonly step: RuntimeStep;
  readonly state: DialogueState;
  readonly transcript: readonly TranscriptEntry[];
  readonly events: readonly RuntimeEvent[];
  readonly history: readonly string[];
  /** Past a line; on an AI line pass the improvised text, or nothing for the authored fallback. */
  advance(improvisedText?: string): RuntimeStep;
  choose(optionId: string): RuntimeStep;
}

export class DialogueRuntimeError extends Error {}

export function createDialogueRunner(pack: PackLike, dialogueId: string, options?: RunnerOptions): DialogueRunner;

export interface QuestState {
  readonly quests: Record<string, QuestProgress>;
  status(questId: string): 'inactive' | QuestProgress['status'];
  stage(questId: string): number;
  objectiveDone(questId: string, objectiveId: string): boolean;
  definition(questId: string): NonNullable<PackLike['quests']>[number] | undefined;
  apply(events: readonly RuntimeEvent[]): void;
}

export function createQuestState(pack: PackLike, progress?: Record<string, QuestProgress>): QuestState;

export function createRandom(seed: number | string): () => number;
export function evaluate(expr: unknown, scope: { state: DialogueState; dialogueId: string; random(): number }): Value;
