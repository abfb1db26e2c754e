import type { StoreApi } from 'zustand';
import type { DialogueNodeKind } from '../../../main/domain/dialogue';
import { layoutDialogue, type Size } from './graph/auto-layout';
import { parseNodes, serializeNodes } from './graph/clipboard';
import type { EditorState } from './graph/editor-store';
import type { Point } from './graph/graph-commands';
import { cloneNodes, firstFreeOutput, newNodeId } from './graph/node-edits';

/** What the actions need from the canvas: where the view is and how big nodes are drawn. */
export interface CanvasView {
  /** The flow position at the middle of the visible canvas. */
  center(): Point;
  sizeOf(id: string): Size | undefined;
  /** Who new lines are said by: the dialogue's NPC, or nobody (the narrator). */
  speaker(): string;
}

const STEP_RIGHT = 330;
const PASTE_OFFSET = { x: 40, y: 40 };

/** Nodes copied when the system clipboard could not be written or read (permission refused, insecure origin). */
let inAppClipboard: string | null = null;

/**
 * Editing actions shared by the toolbar, the context menu and the keyboard, so each
 * gesture does exactly the same thing. Each one is a single registered command.
 */
export function editorActions(store: StoreApi<EditorState>, view: CanvasView) {
  const state = () => store.getState();
  const taken = (id: string) => id in state().dialogue.nodes;
  const selectedNodes = () =>
    state()
      .selection.map((id) => state().dialogue.nodes[id])
      .filter(Boolean);

  const insertCopies = (text: string | null, at: Point | undefined, label: string): boolean => {
    const nodes = text ? parseNodes(text) : null;
    if (!nodes) return false;
    const left = Math.min(...nodes.map((n) => n.position.x));
    const top = Math.min(...nodes.map((n) => n.position.y));
    const offset = at ? { x: at.x - left, y: at.y - top } : PASTE_OFFSET;
    const copies = cloneNodes(nodes, taken, offset, taken);
    const ids = copies.map((n) => n.id);
    return state().run('insertNodes', { nodes: copies, label }, { select: ids });
  };

  return {
    /**
     * Adds a node. With one node selected and no position given, the new node is linked
     * from that node's first free output and placed to its right, so a tree can be typed out.
     */
    add(kind: DialogueNodeKind, at?: Point) {
      const id = newNodeId(kind, taken);
      const [from] = state().selection.length === 1 ? selectedNodes() : [];
      const field = !at && from ? firstFreeOutput(from) : undefined;
      const position = at ?? (from ? { x: from.position.x + STEP_RIGHT, y: from.position.y } : view.center());
      const connectFrom = from && field ? { nodeId: from.id, field } : undefined;
      if (state().run('addNode', { kind, id, position, connectFrom, speaker: view.speaker() })) {
        state().focusNodes([id], 'reveal');
      }
    },

    remove() {
      const ids = [...state().selection];
      if (ids.length) state().run('deleteNodes', { ids });
    },

    duplicate() {
      const nodes = selectedNodes();
      if (nodes.length) insertCopies(serializeNodes(nodes), undefined, nodes.length === 1 ? 'Duplicate node' : 'Duplicate nodes');
    },

    async copy(): Promise<void> {
      const nodes = selectedNodes();
      if (!nodes.length) return;
      inAppClipboard = serializeNodes(nodes);
      await navigator.clipboard?.writeText(inAppClipboard).catch(() => undefined);
    },

    async cut(): Promise<void> {
      await this.copy();
      this.remove();
    },

    async paste(at?: Point): Promise<void> {
      const system = await navigator.clipboard?.readText().catch(() => null);
      if (!insertCopies(system ?? null, at, 'Paste')) insertCopies(inAppClipboard, at, 'Paste');
    },

    selectAll() {
      state().select(Object.keys(state().dialogue.nodes));
    },

    setStart(id: string) {
      state().run('setHeader', { fields: { startNodeId: id }, label: 'Set start node' });
    },

    async autoLayout(): Promise<void> {
      const positions = await layoutDialogue(state().dialogue, view.sizeOf);
      state().run('moveNodes', { positions, label: 'Auto-layout' });
    },
  };
}

export type EditorActions = ReturnType<typeof editorActions>;
