import type { Value } from '../dialogue/expression/ast';
import type { DialogueState } from '../dialogue/dialogue-state-types';

/**
 * What the web runtime reads of a `loreweaver-pack` (format version 1), declared as plain
 * types: the pack's own types are inferred from zod schemas, which the runtime's types
 * must not need. Every pack the studio writes fits these (tests/unit/web-runtime.test.ts).
 */
export interface PackLike {
  dialogues: {
    id: string;
    name: string;
    npcId?: string;
    variables: (
      | { name: string; type: 'bool'; default: boolean }
      | { name: string; type: 'number'; default: number }
      | { name: string; type: 'string'; default: string }
    )[];
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
}

export interface TrackerOptions {
  state?: DialogueState;
  seed?: number | string;
  /** Quest definitions to play by instead of the pack's. */
  quests?: PackQuest[];
}
