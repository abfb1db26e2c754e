import { Badge, Group, Text } from '@mantine/core';
import type { QuestSummary } from '../../../preload/contract/quests';
import { VirtualNavList } from '../components/VirtualNavList';

interface QuestListProps {
  quests: QuestSummary[];
  npcNames: ReadonlyMap<string, string>;
  selected: string | undefined;
  onSelect(id: string): void;
}

export const DIFFICULTY_COLORS: Record<QuestSummary['difficulty'], string> = {
  trivial: 'gray',
  easy: 'teal',
  normal: 'blue',
  hard: 'orange',
  epic: 'grape',
};

/** The quests that pass the filters, with level, difficulty and giver at a glance. */
export function QuestList({ quests, npcNames, selected, onSelect }: QuestListProps) {
  return (
    <VirtualNavList
      label="Quests list"
      items={quests}
      rowHeight={52}
      selected={selected}
      onSelect={onSelect}
      row={(quest) => ({
        label: quest.title,
        description: (
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed" truncate>
              Lv {quest.level} · {quest.stageCount} stage{quest.stageCount === 1 ? '' : 's'}
              {quest.giverNpcId ? ` · ${npcNames.get(quest.giverNpcId) ?? 'unknown NPC'}` : ''}
            </Text>
          </Group>
        ),
        rightSection: (
          <Badge size="xs" variant="light" color={DIFFICULTY_COLORS[quest.difficulty]}>
            {quest.difficulty}
          </Badge>
        ),
      })}
    />
  );
}
