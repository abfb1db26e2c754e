import '@xyflow/react/dist/style.css';
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FitViewOptions,
  type NodeChange,
} from '@xyflow/react';
import { useComputedColorScheme } from '@mantine/core';
import { IconMap } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { Dialogue } from '../../../main/domain/dialogue';
import { useEditor, useEditorStore } from './editor-context';
import type { Point } from './graph/graph-commands';
import { createFlowMapper, FIT_ALL_LIMIT, type FlowNode } from './graph/to-flow';
import { NODE_TYPES } from './nodes/DialogueNodeViews';
import { NODE_KINDS } from './nodes/node-kinds';

export interface ContextMenuRequest {
  /** Screen position of the click, relative to the canvas. */
  screen: Point;
  /** Where a node added from the menu goes. */
  flow: Point;
  nodeId?: string;
}

interface DialogueCanvasProps {
  onContextMenu(request: ContextMenuRequest | null): void;
}

type Size = { width: number; height: number };

/** The room a new node needs on screen; nodes are 248 px wide and rarely taller than this. */
const REVEAL_SIZE: Size = { width: 260, height: 160 };

/** Focuses a node's element once xyflow has measured and shown it (a few frames after it is added). */
function focusWhenShown(root: HTMLElement | null, id: string, framesLeft = 20) {
  requestAnimationFrame(() => {
    const element = root?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    if (element && getComputedStyle(element).visibility !== 'hidden') element.focus({ preventScroll: true });
    else if (framesLeft > 0) focusWhenShown(root, id, framesLeft - 1);
  });
}

/** Above this many nodes the minimap starts hidden: drawing it would hold up opening the dialogue. */
const MINIMAP_LIMIT = 400;

/**
 * Zoom to fit stops where node text is still readable (about 7 px type); a graph bigger than
 * that is centred and the rest is a scroll (pan) away.
 */
export const READABLE_FIT: FitViewOptions = { minZoom: 0.6, maxZoom: 1, padding: 0.15 };

function openingView(dialogue: Dialogue): FitViewOptions {
  const count = Object.keys(dialogue.nodes).length;
  const start = dialogue.nodes[dialogue.startNodeId];
  return count > FIT_ALL_LIMIT && start ? { nodes: [{ id: start.id }], maxZoom: 1, minZoom: 1, padding: 2 } : READABLE_FIT;
}

/**
 * The graph: xyflow drawing the editor store's dialogue. xyflow is controlled: it reports
 * gestures (drag, select, connect) and the store decides; drags show live and become one
 * "move" command when dropped. Only visible nodes are rendered, for large dialogues.
 */
export function DialogueCanvas({ onContextMenu }: DialogueCanvasProps) {
  const store = useEditorStore();
  const dialogue = useEditor((s) => s.dialogue);
  const selection = useEditor((s) => s.selection);
  const focus = useEditor((s) => s.focus);
  const flow = useReactFlow();
  const scheme = useComputedColorScheme('light');
  const mapper = useMemo(() => createFlowMapper(), []);
  const [live, setLive] = useState<ReadonlyMap<string, Point>>(new Map());
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const wrapper = useRef<HTMLDivElement>(null);
  const [initialView] = useState(() => openingView(store.getState().dialogue));
  const [showMap, setShowMap] = useState(() => Object.keys(store.getState().dialogue.nodes).length <= MINIMAP_LIMIT);

  const selected = useMemo(() => new Set(selection), [selection]);
  const nodes = useMemo(() => mapper.nodes(dialogue, selected, live), [mapper, dialogue, selected, live]);
  const baseEdges = useMemo(() => mapper.edges(dialogue), [mapper, dialogue]);
  const edges = useMemo(
    () => (selectedEdges.size ? baseEdges.map((e) => (selectedEdges.has(e.id) ? { ...e, selected: true } : e)) : baseEdges),
    [baseEdges, selectedEdges],
  );

  useEffect(() => {
    if (focus.seq === 0) return;
    // Keyboard focus follows, so Enter and the add-node keys act on the node just shown.
    const first = focus.ids[0];
    focusWhenShown(wrapper.current, first);
    if (focus.mode === 'fit') {
      void flow.fitView({ nodes: focus.ids.map((id) => ({ id })), duration: 250, maxZoom: 1.1, padding: 0.4 });
      return;
    }
    // Reveal: pan (keeping the zoom) only when the node is not already fully on screen.
    const node = store.getState().dialogue.nodes[first];
    const box = wrapper.current?.getBoundingClientRect();
    if (!node || !box) return;
    const { x, y, zoom } = flow.getViewport();
    const left = node.position.x * zoom + x;
    const top = node.position.y * zoom + y;
    const inside = left >= 0 && top >= 0 && left + REVEAL_SIZE.width * zoom <= box.width && top + REVEAL_SIZE.height * zoom <= box.height;
    if (!inside)
      void flow.setCenter(node.position.x + REVEAL_SIZE.width / 2, node.position.y + REVEAL_SIZE.height / 2, { zoom, duration: 200 });
  }, [focus, flow, store]);

  const onNodesChange = (changes: NodeChange<FlowNode>[]) => {
    let nextSelection: Set<string> | null = null;
    let nextLive: Map<string, Point> | null = null;
    for (const change of changes) {
      if (change.type === 'select') {
        nextSelection ??= new Set(store.getState().selection);
        if (change.selected) nextSelection.add(change.id);
        else nextSelection.delete(change.id);
      } else if (change.type === 'position' && change.dragging && change.position) {
        nextLive ??= new Map(live);
        nextLive.set(change.id, change.position);
      } else if (change.type === 'dimensions' && change.dimensions) {
        mapper.measured(change.id, change.dimensions);
      }
    }
    if (nextSelection) {
      store.getState().select([...nextSelection]);
      if (nextSelection.size) setSelectedEdges(new Set());
    }
    if (nextLive) setLive(nextLive);
  };

  const onEdgesChange = (changes: EdgeChange[]) => {
    const next = new Set(selectedEdges);
    for (const change of changes) {
      if (change.type !== 'select') continue;
      if (change.selected) next.add(change.id);
      else next.delete(change.id);
    }
    setSelectedEdges(next);
  };

  const onConnect = ({ source, sourceHandle, target }: Connection) => {
    if (sourceHandle) store.getState().run('connect', { nodeId: source, field: sourceHandle, target });
  };

  const commitDrag = () => {
    if (live.size === 0) return;
    store.getState().run('moveNodes', { positions: Object.fromEntries(live) });
    setLive(new Map());
  };

  const openMenu = (event: ReactMouseEvent | MouseEvent, nodeId?: string) => {
    event.preventDefault();
    const box = wrapper.current!.getBoundingClientRect();
    if (nodeId && !store.getState().selection.includes(nodeId)) store.getState().select([nodeId]);
    onContextMenu({
      screen: { x: event.clientX - box.left, y: event.clientY - box.top },
      flow: flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }),
      nodeId,
    });
  };

  /** Delete on a selected link cuts it; on nodes the editor's own shortcut removes them. */
  const onKeyDown = (event: React.KeyboardEvent) => {
    if ((event.key !== 'Delete' && event.key !== 'Backspace') || selectedEdges.size === 0 || selection.length > 0) return;
    for (const id of selectedEdges) {
      const edge = baseEdges.find((e) => e.id === id);
      if (edge?.sourceHandle) store.getState().run('disconnect', { nodeId: edge.source, field: edge.sourceHandle });
    }
    setSelectedEdges(new Set());
  };

  return (
    <div
      ref={wrapper}
      style={{ position: 'relative', flex: 1, minWidth: 0, minHeight: 0 }}
      onKeyDown={onKeyDown}
      data-testid="dialogue-canvas"
    >
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStop={commitDrag}
        onSelectionDragStop={commitDrag}
        onPaneClick={() => onContextMenu(null)}
        onPaneContextMenu={(e) => openMenu(e)}
        onNodeContextMenu={(e, node) => openMenu(e, node.id)}
        onNodeDoubleClick={(_e, node) => store.getState().select([node.id])}
        colorMode={scheme}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2}
        fitView
        fitViewOptions={initialView}
        defaultEdgeOptions={{ style: { strokeWidth: 1.6 } }}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        {showMap && (
          <MiniMap
            pannable
            zoomable
            style={{ width: 168, height: 112 }}
            nodeColor={(n) => `var(--mantine-color-${NODE_KINDS[(n as FlowNode).data.node.kind].color}-5)`}
            ariaLabel="Minimap"
          />
        )}
        <Controls showInteractive={false} fitViewOptions={READABLE_FIT}>
          <ControlButton
            onClick={() => setShowMap((on) => !on)}
            title={showMap ? 'Hide the minimap' : 'Show the minimap'}
            aria-label="Toggle minimap"
          >
            <IconMap size={14} />
          </ControlButton>
        </Controls>
      </ReactFlow>
    </div>
  );
}
