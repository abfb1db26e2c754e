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
  /** Quest definitions: with them the runner plays quests as the studio does. */
  quests?: PackQuest[];
  [section: string]: unknown;
}

export type QuestObjective = { id: string; description: string; optional: boolean; hidden: boolean } & (
  | { type: 'talk'; npcId: string }
  | { type: 'collect'; itemId: string; count: number }
  | { type: 'reach'; locationId: string }
  | { type: 'defeat'; target: string; count: number }
  | { type: 'custom'; event: string; count: number }
);

export type QuestReward =
  | { type: 'item'; itemId: string; count: number }
  | { type: 'currency'; currency: string; amount: number }
  | { type: 'experience'; amount: number }
  | { type: 'variable'; variable: string; operator: '=' | '+=' | '-='; value: Value }
  | { type: 'unlockQuest'; questId: string };

/** A quest as the pack carries it; conditions are text in the dialogue expression language. */
export interface PackQuest {
  id: string;
  title: string;
  summary: string;
  prerequisites: { quests: string[]; condition: string };
  startStageId: string;
  stages: {
    id: string;
    title: string;
    journal: string;
    objectives: QuestObjective[];
    /** Tried in order; none at all: finishing the stage completes the quest. */
    outcomes: { id: string; condition: string; result: 'stage' | 'complete' | 'fail'; stageId?: string }[];
    hidden: boolean;
  }[];
  rewards: QuestReward[];
  failConditions: string[];
  [field: string]: unknown;
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
  /** Quest definitions to play by instead of the pack's. */
  quests?: PackQuest[];
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
  /** A start refused: `reason` names the first unmet prerequisite. */
  | { type: 'questStartRefused'; nodeId: string; questId: string; reason: string }
  | { type: 'questUnlocked'; nodeId: string; questId: string }
  /** `stageId` is set when the quest has a definition. */
  | { type: 'questAdvanced'; nodeId: string; questId: string; stage: number; stageId?: string }
  | { type: 'objectiveProgressed'; nodeId: string; questId: string; objectiveId: string; count: number; of: number }
  | { type: 'objectiveCompleted'; nodeId: string; questId: string; objectiveId: string }
  | { type: 'questCompleted'; nodeId: string; questId: string }
  | { type: 'questFailed'; nodeId: string; questId: string; reason: string }
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
  definition(questId: string): PackQuest | undefined;
  apply(events: readonly RuntimeEvent[]): void;
}

export type WorldEvent =
  | { type: 'talk'; npcId: string }
  | { type: 'collect'; itemId: string; count?: number }
  | { type: 'reach'; locationId: string }
  | { type: 'defeat'; target: string; count?: number }
  | { type: 'custom'; name: string; count?: number };

/** A quest change as a tracker returns it: a runner's quest events without `nodeId`. */
export type QuestChange = RuntimeEvent extends infer E ? (E extends { nodeId: string } ? Omit<E, 'nodeId'> : never) : never;

export interface QuestTracker {
  readonly state: DialogueState;
  startBlocker(questId: string): string | null;
  start(questId: string): QuestChange[];
  /** Throws DialogueRuntimeError for a stage past the quest's last. */
  advance(questId: string, stage?: number): QuestChange[];
  completeObjective(questId: string, objectiveId: string): QuestChange[];
  complete(questId: string): QuestChange[];
  fail(questId: string, reason?: string): QuestChange[];
  progress(event: WorldEvent): QuestChange[];
}

/** The quest state machine between conversations: world events and quest calls over a runner's state. */
export function createQuestTracker(
  pack: PackLike,
  options?: { state?: DialogueState; seed?: number | string; quests?: PackQuest[] },
): QuestTracker;

export function createQuestState(pack: PackLike, progress?: Record<string, QuestProgress>): QuestState;

export function createRandom(seed: number | string): () => number;
export function evaluate(expr: unknown, scope: { state: DialogueState; dialogueId: string; random(): number }): Value;
/** A condition's syntax tree as `evaluate` reads it, or null when it does not parse. */
export function parseCondition(source: string): unknown;
