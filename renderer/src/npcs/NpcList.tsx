import { Badge, Group, Text } from '@mantine/core';
import type { NpcSummary } from '../../../preload/contract/npcs';
import { VirtualNavList } from '../components/VirtualNavList';
import { NpcAvatar } from './NpcAvatar';

interface NpcListProps {
  npcs: NpcSummary[];
  selected: string | undefined;
  filter: string;
  onSelect(id: string): void;
}

const matches = (npc: NpcSummary, needle: string) =>
  !needle || [npc.name, npc.role, ...npc.tags].some((text) => text.toLowerCase().includes(needle));

/** The project's NPCs with their portraits, filtered by name, role or tag. */
export function NpcList({ npcs, selected, filter, onSelect }: NpcListProps) {
  const needle = filter.trim().toLowerCase();
  const shown = npcs.filter((npc) => matches(npc, needle));
  return (
    <VirtualNavList
      label="NPCs list"
      items={shown}
      rowHeight={60}
      selected={selected}
      onSelect={onSelect}
      row={(npc) => ({
        leftSection: <NpcAvatar id={npc.id} name={npc.name} hasAvatar={npc.hasAvatar} size={36} radius="xl" />,
        label: npc.name,
        description: (
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed" truncate>
              {npc.role || 'No role yet'}
            </Text>
            {npc.tags.slice(0, 2).map((tag) => (
              <Badge key={tag} size="xs" variant="light" color="gray" style={{ flex: 'none' }}>
                {tag}
              </Badge>
            ))}
          </Group>
        ),
      })}
    >
      {npcs.length > 0 && shown.length === 0 && (
        <Text size="sm" c="dimmed" p="sm">
          No NPC matches “{filter}”.
        </Text>
      )}
    </VirtualNavList>
  );
}
