import { ActionIcon, Button, Group, MultiSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Quest } from '../../../../main/domain/quest';
import { useQuests } from '../quest-store';
import type { QuestCommand } from './quest-commands';

const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** When the quest may start (prerequisite quests and a condition) and what fails it. */
export function StartFailForm({ quest, run }: { quest: Quest; run(command: QuestCommand, group?: string): void }) {
  const quests = useQuests((s) => s.list ?? []);
  const setPrerequisites = (change: Partial<Quest['prerequisites']>, group?: string) =>
    run({ type: 'setFields', fields: { prerequisites: { ...quest.prerequisites, ...change } } }, group);
  const setFail = (failConditions: string[], group?: string) => run({ type: 'setFields', fields: { failConditions } }, group);

  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Prerequisites
        </Title>
        <MultiSelect
          size="xs"
          label="Quests completed first"
          searchable
          data={quests.filter((q) => q.id !== quest.id).map((q) => ({ value: q.id, label: q.title }))}
          value={quest.prerequisites.quests}
          onChange={(ids) => setPrerequisites({ quests: ids })}
        />
        <TextInput
          size="xs"
          label="And this condition"
          placeholder='e.g. $level >= 3 and not failed("rival")'
          styles={mono}
          value={quest.prerequisites.condition}
          onChange={(e) => setPrerequisites({ condition: e.currentTarget.value }, 'prerequisites:condition')}
        />
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          Failure
        </Title>
        <Text size="xs" c="dimmed">
          While the quest is active, it fails as soon as one of these holds.
        </Text>
        {quest.failConditions.map((condition, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <TextInput
              size="xs"
              flex={1}
              aria-label={`Fail condition ${i + 1}`}
              placeholder="$mara_dead"
              styles={mono}
              value={condition}
              onChange={(e) =>
                setFail(
                  quest.failConditions.map((c, j) => (j === i ? e.currentTarget.value : c)),
                  `fail:${i}`,
                )
              }
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete fail condition ${i + 1}`}
              onClick={() => setFail(quest.failConditions.filter((_, j) => j !== i))}
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          size="compact-xs"
          variant="light"
          w="fit-content"
          leftSection={<IconPlus size={13} />}
          onClick={() => setFail([...quest.failConditions, ''])}
        >
          Add fail condition
        </Button>
      </Stack>
    </Stack>
  );
}
