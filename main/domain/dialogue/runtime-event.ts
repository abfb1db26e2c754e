import type { Value } from './expression/ast';

/** An effect of an action node, in order, for test chat's log and the game host to replay. */
export type RuntimeEvent =
  | { type: 'variableChanged'; nodeId: string; name: string; from: Value | undefined; to: Value }
  | { type: 'questStarted'; nodeId: string; questId: string }
  | { type: 'questAdvanced'; nodeId: string; questId: string; stage: number }
  | { type: 'objectiveCompleted'; nodeId: string; questId: string; objectiveId: string }
  | { type: 'questCompleted'; nodeId: string; questId: string }
  | { type: 'itemGiven'; nodeId: string; itemId: string; count: number }
  | { type: 'command'; nodeId: string; name: string; args: Value[] };
