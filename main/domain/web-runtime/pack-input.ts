import type { Value } from '../dialogue/expression/ast';
import type { Saliency } from '../dialogue/saliency';
import type { DialogueState } from '../dialogue/dialogue-state-types';

/**
 * What the web runtime reads of a `loreweaver-pack` (format version 2, or 1, which it
 * migrates as it reads), declared as plain
 * types: the pack's own types are inferred from zod schemas, which the runtime's types
 * must not need. Every pack the studio writes fits these (tests/unit/web-runtime.test.ts).
 */
export interface PackLike {
  dialogues: {
    id: string;
    name: string;
    npcId?: string;
    /** Each case's value resolved (a case declared without one has its name). */
    enums?: { name: string; cases: { name: string; value: number | string }[] }[];
    variables: (
      | { name: string; type: 'bool'; default: boolean }
      | { name: string; type: 'number'; default: number }
      | { name: string; type: 'string'; default: string }
      | { name: string; type: 'enum'; enum: string; default: number | string }
      | { name: string; type: 'smart'; valueType: 'bool' | 'number' | 'string'; expression: { source: string } }
    )[];
    saliency?: Saliency;
    startNodeId: string;
    nodes: Record<string, unknown>;
  }[];
  /** Its format version, when the pack comes with its manifest; version 1 texts are escaped as the studio does on import. */
  manifest?: { formatVersion?: number; [field: string]: unknown };
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

export interface RunnerOptions {
  /** Same seed, same playthrough; feeds only `random()`. Defaults to 0. */
  seed?: number | string;
  /** State carried from earlier conversations (a runner's or a tracker's `state`). */
  state?: Partial<DialogueState>;
  /** Where to begin instead of the start node, e.g. the node a jump named. */
  startNodeId?: string;
  /** Branches, actions and local jumps in a row before the runner decides the dialogue loops (10,000). */
  maxAutomaticSteps?: number;
  /** Quest definitions to play by instead of the pack's. */
  quests?: PackQuest[];
  /** How line and node groups pick, instead of each dialogue's own rule. */
  saliency?: Saliency;
  /** Locale for `[plural]` and `[ordinal]` in texts ('en' by default). */
  locale?: string;
}

export interface TrackerOptions {
  state?: DialogueState;
  seed?: number | string;
  /** Quest definitions to play by instead of the pack's. */
  quests?: PackQuest[];
}
