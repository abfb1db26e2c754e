import { ActionIcon, Badge, Checkbox, Group, NumberInput, Paper, Stack, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { QuestObjective } from '../../../../main/domain/quest';
import { useQuests } from '../quest-store';
import { OpenButton } from '../../dialogues/inspector/OpenButton';
import { NpcSelect } from '../../npcs/NpcSelect';
import { openItem } from '../navigate';
import { useWorldReveal } from '../world/world-reveal';
import { RefSelect } from './RefSelect';

export const OBJECTIVE_LABELS: Record<QuestObjective['type'], string> = {
  talk: 'Talk to NPC',
  collect: 'Collect item',
  reach: 'Reach location',
  defeat: 'Defeat target',
  custom: 'Custom event',
};

interface ObjectiveFormProps {
  objective: QuestObjective;
  onChange(objective: QuestObjective, group?: string): void;
  onRemove(): void;
}

/** One objective: what it asks for (by type), its journal line, and whether it is optional or hidden. */
export function ObjectiveForm({ objective, onChange, onRemove }: ObjectiveFormProps) {
  const { npcs, items, locations } = useQuests();
  const group = (field: string) => `objective:${objective.id}:${field}`;
  const count =
    'count' in objective ? (
      <NumberInput
        size="xs"
        label="Count"
        min={1}
        max={1_000_000}
        w={90}
        value={objective.count}
        onChange={(n) =>
          typeof n === 'number' && n >= 1 && onChange({ ...objective, count: Math.floor(n) } as QuestObjective, group('count'))
        }
      />
    ) : null;

  return (
    <Paper withBorder p="xs" radius="sm" data-testid={`objective-${objective.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <Badge size="sm" variant="light">
              {OBJECTIVE_LABELS[objective.type]}
            </Badge>
            <Badge size="sm" variant="outline" color="gray" ff="monospace" tt="none">
              {objective.id}
            </Badge>
          </Group>
          <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Delete objective ${objective.id}`} onClick={onRemove}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          {objective.type === 'talk' && (
            <NpcSelect
              size="xs"
              label="NPC"
              flex={1}
              npcs={npcs}
              value={objective.npcId || null}
              onChange={(npcId) => onChange({ ...objective, npcId: npcId ?? '' })}
              inputContainer={(input) => (
                <OpenButton
                  label="Open the NPC"
                  disabled={!npcs.some((n) => n.id === objective.npcId)}
                  onOpen={() => openItem('npc', objective.npcId)}
                >
                  {input}
                </OpenButton>
              )}
            />
          )}
          {objective.type === 'collect' && (
            <RefSelect
              size="xs"
              label="Item"
              flex={1}
              options={items}
              value={objective.itemId}
              open={{ noun: 'item', onOpen: (id) => useWorldReveal.getState().reveal('item', id) }}
              nothingFoundMessage="Add items on the Items & locations tab"
              onChange={(itemId) => onChange({ ...objective, itemId: itemId ?? '' })}
            />
          )}
          {objective.type === 'reach' && (
            <RefSelect
              size="xs"
              label="Location"
              flex={1}
              options={locations}
              value={objective.locationId}
              open={{ noun: 'location', onOpen: (id) => useWorldReveal.getState().reveal('location', id) }}
              nothingFoundMessage="Add locations on the Items & locations tab"
              onChange={(locationId) => onChange({ ...objective, locationId: locationId ?? '' })}
            />
          )}
          {objective.type === 'defeat' && (
            <TextInput
              size="xs"
              label="Target"
              flex={1}
              value={objective.target}
              onChange={(e) => onChange({ ...objective, target: e.currentTarget.value }, group('target'))}
            />
          )}
          {objective.type === 'custom' && (
            <TextInput
              size="xs"
              label="Event name"
              description="A dialogue command action of this name counts too"
              flex={1}
              value={objective.event}
              onChange={(e) => onChange({ ...objective, event: e.currentTarget.value }, group('event'))}
            />
          )}
          {count}
        </Group>
        <TextInput
          size="xs"
          aria-label="Journal line"
          placeholder="Journal line, e.g. Bring 3 wolf pelts to Mara"
          value={objective.description}
          maxLength={200}
          onChange={(e) => onChange({ ...objective, description: e.currentTarget.value }, group('description'))}
        />
        <Group gap="md">
          <Checkbox
            size="xs"
            label="Optional"
            checked={objective.optional}
            onChange={(e) => onChange({ ...objective, optional: e.currentTarget.checked })}
          />
          <Checkbox
            size="xs"
            label="Hidden until done"
            checked={objective.hidden}
            onChange={(e) => onChange({ ...objective, hidden: e.currentTarget.checked })}
          />
        </Group>
      </Stack>
    </Paper>
  );
}
