import '@xyflow/react/dist/style.css';
import { Badge, Box, Group, Paper, Text, useComputedColorScheme } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconCircleX, IconFlag } from '@tabler/icons-react';
import { Background, Controls, Handle, Position, ReactFlow, type NodeProps, type NodeTypes } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { Quest } from '../../../../main/domain/quest';
import { END_SIZE, questFlow, STAGE_SIZE, type EndNodeData, type FlowNode, type StageNodeData } from './flow-layout';

function StageNode({ data }: NodeProps<FlowNode & { type: 'stage' }>) {
  const stage = data as StageNodeData;
  return (
    <Paper
      withBorder
      shadow={stage.selected ? 'md' : 'xs'}
      p={8}
      w={STAGE_SIZE.width}
      h={STAGE_SIZE.height}
      radius="md"
      title={stage.title}
      data-testid={`stage-node-${stage.stageId}`}
      style={{ borderColor: stage.selected ? 'var(--mantine-primary-color-filled)' : undefined, borderWidth: stage.selected ? 2 : 1 }}
    >
      <Handle type="target" position={Position.Left} />
      <Group gap={4} wrap="nowrap" align="flex-start">
        {stage.start && (
          <IconFlag size={14} color="var(--mantine-color-teal-6)" aria-label="Start stage" style={{ flex: 'none', marginTop: 3 }} />
        )}
        <Text size="sm" fw={600} lh={1.3} lineClamp={3} style={{ wordBreak: 'break-word' }}>
          {stage.title}
        </Text>
      </Group>
      <Group gap={4} mt={4}>
        <Badge size="xs" variant="light" color="gray">
          {stage.objectives} objective{stage.objectives === 1 ? '' : 's'}
        </Badge>
        {stage.problems > 0 && (
          <Badge size="xs" variant="light" color="red" leftSection={<IconAlertCircle size={10} />}>
            {stage.problems}
          </Badge>
        )}
      </Group>
      <Handle type="source" position={Position.Right} />
    </Paper>
  );
}

function EndNode({ data }: NodeProps<FlowNode & { type: 'end' }>) {
  const { result } = data as EndNodeData;
  const complete = result === 'complete';
  return (
    <Badge
      size="lg"
      radius="sm"
      variant="light"
      color={complete ? 'teal' : 'red'}
      tt="none"
      w={END_SIZE.width}
      h={END_SIZE.height}
      leftSection={complete ? <IconCircleCheck size={15} /> : <IconCircleX size={15} />}
    >
      <Handle type="target" position={Position.Left} />
      {complete ? 'Completed' : 'Failed'}
    </Badge>
  );
}

const NODE_TYPES: NodeTypes = { stage: StageNode, end: EndNode };

interface StageFlowProps {
  quest: Quest;
  selectedStageId: string | undefined;
  problemsByStage: ReadonlyMap<string, number>;
  onSelect(stageId: string): void;
}

/** How tall the flow's box may be: as tall as the laid-out stages (a linear quest is a short row), within these bounds. */
const FLOW_HEIGHT = { min: 200, max: 460 };

/**
 * The quest's stages and outcomes as a graph, laid out automatically, in a box as tall as
 * the graph needs; clicking a stage opens it in the form beside. The wheel scrolls the page.
 */
export function StageFlow({ quest, selectedStageId, problemsByStage, onSelect }: StageFlowProps) {
  const colorScheme = useComputedColorScheme('light');
  const [flow, setFlow] = useState<Awaited<ReturnType<typeof questFlow>>>({ nodes: [], edges: [], height: 0 });
  /** Layout depends on structure and labels only, not on typing in a journal. */
  const shape = useMemo(
    () =>
      JSON.stringify([
        quest.startStageId,
        quest.stages.map((s) => [s.id, s.title, s.objectives.length, s.outcomes]),
        selectedStageId,
        [...problemsByStage],
      ]),
    [quest, selectedStageId, problemsByStage],
  );

  useEffect(() => {
    let live = true;
    void questFlow(quest, selectedStageId, problemsByStage).then((next) => live && setFlow(next));
    return () => {
      live = false;
    };
    // The layout follows the quest's shape; other edits (journal text) leave it alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape]);

  return (
    <Box
      h={Math.min(FLOW_HEIGHT.max, Math.max(FLOW_HEIGHT.min, flow.height + 40))}
      data-testid="stage-flow"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
    >
      {/* Drawn once laid out, so it is fitted around the stages rather than around nothing. */}
      {flow.nodes.length > 0 && (
        <ReactFlow
          // Remounted when stages come or go, so the new flow is fitted into view again.
          key={quest.stages.length}
          aria-label="Stage flow"
          nodes={flow.nodes}
          edges={flow.edges}
          nodeTypes={NODE_TYPES}
          colorMode={colorScheme}
          nodesDraggable={false}
          nodesConnectable={false}
          fitView
          fitViewOptions={{ maxZoom: 1, minZoom: 0.4, padding: 0.15 }}
          minZoom={0.4}
          // The wheel scrolls the editor (the one scroll container); the buttons zoom.
          zoomOnScroll={false}
          preventScrolling={false}
          onNodeClick={(_, node) => node.type === 'stage' && onSelect(node.id)}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} size={1} />
          <Controls showInteractive={false} position="bottom-right" orientation="horizontal" />
        </ReactFlow>
      )}
    </Box>
  );
}
