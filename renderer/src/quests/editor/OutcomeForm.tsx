import { ActionIcon, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { QuestOutcome, QuestStage } from '../../../../main/domain/quest';

interface OutcomeFormProps {
  outcome: QuestOutcome;
  stages: readonly QuestStage[];
  onChange(outcome: QuestOutcome, group?: string): void;
  onRemove(): void;
}

const RESULTS = [
  { value: 'stage', label: 'Go to stage' },
  { value: 'complete', label: 'Complete quest' },
  { value: 'fail', label: 'Fail quest' },
];

/** One way out of a stage: when (a condition, empty for always) and where to. */
export function OutcomeForm({ outcome, stages, onChange, onRemove }: OutcomeFormProps) {
  return (
    <Paper withBorder p="xs" radius="sm" data-testid={`outcome-${outcome.id}`}>
      <Stack gap={6}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            size="xs"
            label="When"
            placeholder="always, or a condition such as $sided_with_guard"
            flex={1}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            value={outcome.condition}
            onChange={(e) => onChange({ ...outcome, condition: e.currentTarget.value }, `outcome:${outcome.id}:condition`)}
          />
          <ActionIcon size="md" variant="subtle" color="red" aria-label={`Delete outcome ${outcome.id}`} onClick={onRemove}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Select
            size="xs"
            aria-label={`Result of outcome ${outcome.id}`}
            w={150}
            data={RESULTS}
            value={outcome.result}
            allowDeselect={false}
            onChange={(result) => result && onChange({ ...outcome, result: result as QuestOutcome['result'] })}
          />
          {outcome.result === 'stage' && (
            <Select
              size="xs"
              aria-label={`Next stage of outcome ${outcome.id}`}
              placeholder="Which stage?"
              flex={1}
              data={stages.map((s) => ({ value: s.id, label: s.title || s.id }))}
              value={outcome.stageId ?? null}
              onChange={(stageId) => onChange({ ...outcome, stageId: stageId ?? undefined })}
            />
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
