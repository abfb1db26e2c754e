import { newNode, type Dialogue, type DialogueNode, type DialogueNodeKind } from '../../../../main/domain/dialogue';
import { invertPatch, isEmptyPatch, type DialoguePatch, type HeaderFields } from './dialogue-patch';
import { clearTargets, setOutputTarget } from './node-edits';

export interface Point {
  x: number;
  y: number;
}

/** Where a new node is attached: an output of an existing node. */
export interface OutputRef {
  nodeId: string;
  field: string;
}

/** Every edit the editor can make, with its arguments. Nothing else changes a dialogue. */
export interface CommandArgs {
  /** `speaker`: who a new line or AI line is said by (the dialogue's NPC). */
  addNode: { kind: DialogueNodeKind; id: string; position: Point; connectFrom?: OutputRef; speaker?: string };
  /** Replaces nodes whole: inspector and inline edits, accepted AI rewrites. */
  updateNodes: { nodes: DialogueNode[]; label?: string };
  /** Adds ready-made nodes (paste, duplicate, AI expansions), optionally linked from an output. */
  insertNodes: { nodes: DialogueNode[]; label: string; connectFrom?: OutputRef };
  deleteNodes: { ids: string[] };
  connect: OutputRef & { target: string };
  disconnect: OutputRef;
  moveNodes: { positions: Record<string, Point>; label?: string };
  setHeader: { fields: HeaderFields; label?: string };
}
export type CommandName = keyof CommandArgs;

interface CommandDefinition<A> {
  label(args: A): string;
  perform(dialogue: Dialogue, args: A): DialoguePatch;
}

const KIND_LABELS: Record<DialogueNodeKind, string> = {
  line: 'line',
  choice: 'choice',
  branch: 'branch',
  action: 'action',
  jump: 'jump',
  aiLine: 'AI line',
  end: 'end',
  section: 'section',
  group: 'group',
  detour: 'detour',
  return: 'return',
};

/** The node `from` points at `target`, as an upsert, or nothing when it already does or is gone. */
function linkFrom(dialogue: Dialogue, from: OutputRef | undefined, target: string): DialogueNode[] {
  const source = from && dialogue.nodes[from.nodeId];
  if (!source) return [];
  const linked = setOutputTarget(source, from.field, target);
  return linked === source ? [] : [linked];
}

/** A dialogue without a valid start begins at the first node added to it. */
const startIfMissing = (dialogue: Dialogue, id: string): DialoguePatch['header'] =>
  dialogue.nodes[dialogue.startNodeId] ? undefined : { startNodeId: id };

/**
 * The command registry, in excalidraw's manner: one definition per edit, a pure `perform`
 * from the dialogue and arguments to a patch. Undo is not written per command: the inverse
 * is computed from the state the patch was made on (see `runCommand`).
 */
export const COMMANDS: { [K in CommandName]: CommandDefinition<CommandArgs[K]> } = {
  addNode: {
    label: ({ kind }) => `Add ${KIND_LABELS[kind]}`,
    perform(dialogue, { kind, id, position, connectFrom, speaker }) {
      const header = startIfMissing(dialogue, id);
      const node = newNode(kind, id, position);
      if (speaker && (node.kind === 'line' || node.kind === 'aiLine')) node.speaker = speaker;
      return { ...(header ? { header } : {}), upsertNodes: [node, ...linkFrom(dialogue, connectFrom, id)] };
    },
  },
  updateNodes: {
    label: ({ nodes, label }) => label ?? (nodes.length === 1 ? `Edit ${KIND_LABELS[nodes[0].kind]}` : `Edit ${nodes.length} nodes`),
    perform: (dialogue, { nodes }) => ({ upsertNodes: nodes.filter((n) => dialogue.nodes[n.id] && dialogue.nodes[n.id] !== n) }),
  },
  insertNodes: {
    label: ({ label }) => label,
    perform(dialogue, { nodes, connectFrom }) {
      if (nodes.length === 0) return {};
      const header = startIfMissing(dialogue, nodes[0].id);
      return { ...(header ? { header } : {}), upsertNodes: [...nodes, ...linkFrom(dialogue, connectFrom, nodes[0].id)] };
    },
  },
  deleteNodes: {
    label: ({ ids }) => (ids.length === 1 ? 'Delete node' : `Delete ${ids.length} nodes`),
    perform(dialogue, { ids }) {
      const removed = new Set(ids.filter((id) => dialogue.nodes[id]));
      if (removed.size === 0) return {};
      const relinked: DialogueNode[] = [];
      for (const node of Object.values(dialogue.nodes)) {
        if (removed.has(node.id)) continue;
        const cleared = clearTargets(node, removed);
        if (cleared !== node) relinked.push(cleared);
      }
      return {
        ...(removed.has(dialogue.startNodeId) ? { header: { startNodeId: '' } } : {}),
        deleteNodeIds: [...removed],
        ...(relinked.length ? { upsertNodes: relinked } : {}),
      };
    },
  },
  connect: {
    label: () => 'Connect',
    perform: (dialogue, { nodeId, field, target }) =>
      dialogue.nodes[target] ? { upsertNodes: linkFrom(dialogue, { nodeId, field }, target) } : {},
  },
  disconnect: {
    label: () => 'Disconnect',
    perform(dialogue, { nodeId, field }) {
      const node = dialogue.nodes[nodeId];
      const cleared = node && setOutputTarget(node, field, undefined);
      return cleared && cleared !== node ? { upsertNodes: [cleared] } : {};
    },
  },
  moveNodes: {
    label: ({ label, positions }) => label ?? (Object.keys(positions).length === 1 ? 'Move node' : 'Move nodes'),
    perform(dialogue, { positions }) {
      const moved: DialogueNode[] = [];
      for (const [id, { x, y }] of Object.entries(positions)) {
        const node = dialogue.nodes[id];
        if (node && (node.position.x !== x || node.position.y !== y)) moved.push({ ...node, position: { x, y } });
      }
      return { upsertNodes: moved };
    },
  },
  setHeader: {
    label: ({ label }) => label ?? 'Edit dialogue settings',
    perform: (_dialogue, { fields }) => ({ header: fields }),
  },
};

/** One undo step: what was done, and how to take it back. */
export interface HistoryEntry {
  label: string;
  patch: DialoguePatch;
  inverse: DialoguePatch;
}

/** Runs a command; null when it would change nothing, so no-ops leave no undo step. */
export function runCommand<K extends CommandName>(dialogue: Dialogue, name: K, args: CommandArgs[K]): HistoryEntry | null {
  const command = COMMANDS[name];
  const patch = command.perform(dialogue, args);
  if (isEmptyPatch(patch)) return null;
  return { label: command.label(args), patch, inverse: invertPatch(dialogue, patch) };
}
