import type { Value } from './expression/ast';
import type { QuestChange } from '../quest/quest-change';

/** An effect of an action node (or of the quests it moved), in order, for test chat's log and the game host to replay. */
export type RuntimeEvent =
  | { type: 'variableChanged'; nodeId: string; name: string; from: Value | undefined; to: Value }
  | { type: 'itemGiven'; nodeId: string; itemId: string; count: number }
  | { type: 'command'; nodeId: string; name: string; args: Value[] }
  | (QuestChange & { nodeId: string });
