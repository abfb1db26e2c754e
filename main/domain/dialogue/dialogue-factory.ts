import type { RecordIdentity } from '../records/versioned-record';
import { DIALOGUE_SCHEMA_VERSION, type Dialogue, type DialogueNodeKind, type NodeOfKind } from './dialogue-schema';

/** A new, empty dialogue at the current format version. */
export const newDialogue = (identity: RecordIdentity, npcId?: string): Dialogue => ({
  schemaVersion: DIALOGUE_SCHEMA_VERSION,
  id: identity.id,
  name: identity.name,
  ...(npcId === undefined ? {} : { npcId }),
  variables: [],
  startNodeId: '',
  nodes: {},
});

type NodeDefaults = { [K in DialogueNodeKind]: (id: string) => Omit<NodeOfKind<K>, 'id' | 'position' | 'kind'> };

/**
 * The fields a fresh node gets; a line's id starts as its node id, which is unique, and then
 * never changes; a section's title starts as its node id too, since titles must be unique.
 */
const DEFAULTS: NodeDefaults = {
  line: (id) => ({ speaker: '', text: '', lineId: id }),
  choice: () => ({ options: [] }),
  branch: () => ({ branches: [] }),
  action: () => ({ actions: [] }),
  jump: () => ({}),
  aiLine: (id) => ({ speaker: '', instruction: '', fallbackText: '', lineId: id }),
  end: () => ({}),
  detour: () => ({}),
  return: () => ({}),
  section: (id) => ({ title: id }),
  group: () => ({ candidates: [] }),
};

/** A node of the given kind as the editor's palette adds it: unconnected, with empty texts. */
export function newNode<K extends DialogueNodeKind>(kind: K, id: string, position = { x: 0, y: 0 }): NodeOfKind<K> {
  return { id, kind, position: { ...position }, ...DEFAULTS[kind](id) } as NodeOfKind<K>;
}
