import '@xyflow/react/dist/style.css';
import { Badge, Center, EmptyState, Group, Paper, Text, useComputedColorScheme } from '@mantine/core';
import { IconSwords, IconTopologyStar3, IconUserCircle } from '@tabler/icons-react';
import { Background, Controls, Handle, MiniMap, Position, ReactFlow, type NodeProps, type NodeTypes } from '@xyflow/react';
import { useMemo } from 'react';
import { DIFFICULTY_COLORS } from '../QuestList';
import { useQuests } from '../quest-store';
import { CARD_SIZE, layoutQuestMap, type MapNode, type MapNodeData } from './map-layout';

function MapCard({ data }: NodeProps<MapNode>) {
  const { label, kind, detail, difficulty } = data as MapNodeData;
  const npc = kind === 'npc';
  return (
    <Paper
      withBorder
      shadow="xs"
      radius="md"
      p={8}
      w={CARD_SIZE.width}
      h={CARD_SIZE.height}
      data-kind={kind}
      title={label}
      style={npc ? { background: 'var(--mantine-color-violet-light)' } : undefined}
    >
      {!npc && <Handle type="target" position={Position.Left} />}
      <Group gap={6} wrap="nowrap" align="flex-start">
        {npc ? (
          <IconUserCircle size={16} style={{ flex: 'none', marginTop: 2 }} />
        ) : (
          <IconSwords size={16} style={{ flex: 'none', marginTop: 2 }} />
        )}
        <Text size="sm" fw={600} lh={1.3} lineClamp={3} style={{ wordBreak: 'break-word' }}>
          {label}
        </Text>
      </Group>
      <Group gap={4} mt={2}>
        {difficulty ? (
          <Badge size="xs" variant="light" color={DIFFICULTY_COLORS[difficulty]}>
            {detail}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        )}
      </Group>
      <Handle type="source" position={Position.Right} />
    </Paper>
  );
}

const NODE_TYPES: NodeTypes = { npc: MapCard, quest: MapCard };

/** Above this many nodes the map opens at its top left at a readable zoom instead of fitted whole. */
const FIT_LIMIT = 150;

/** Which NPCs give which quests, and how quests require and unlock each other; clicking a quest opens it. */
export function QuestMap({ onOpenQuest }: { onOpenQuest(id: string): void }) {
  const colorScheme = useComputedColorScheme('light');
  const list = useQuests((s) => s.list);
  const npcs = useQuests((s) => s.npcs);
  const { nodes, edges } = useMemo(
    () => layoutQuestMap(list ?? [], new Map(npcs.map((n) => [n.id, n.name])), { giverEdges: (list?.length ?? 0) <= FIT_LIMIT }),
    [list, npcs],
  );

  if (list && list.length === 0) {
    return (
      <Center flex={1} p="xl">
        <EmptyState
          icon={<IconTopologyStar3 size={40} stroke={1.4} />}
          variant="light"
          title="No quests to map yet"
          description="Once quests have givers, prerequisites or unlock each other, this map shows who gives what and which quests lead to which."
          maw={480}
        />
      </Center>
    );
  }
  const large = nodes.length > FIT_LIMIT;
  return (
    <div style={{ flex: 1, minWidth: 0, position: 'relative' }} data-testid="quest-map" data-nodes={nodes.length}>
      <ReactFlow
        aria-label="Quest map"
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        colorMode={colorScheme}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        onlyRenderVisibleElements={large}
        fitView={!large}
        fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
        defaultViewport={{ x: 24, y: 24, zoom: 0.8 }}
        minZoom={0.05}
        onNodeClick={(_, node) => node.type === 'quest' && onOpenQuest(node.id)}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
        {!large && <MiniMap pannable zoomable />}
      </ReactFlow>
      <Group gap="md" pos="absolute" top={10} right={14} style={{ zIndex: 5 }}>
        <Text size="xs" c="dimmed">
          Lines run left to right: ── requires · ‑ ‑ unlocks · violet: quest givers
        </Text>
      </Group>
    </div>
  );
}
