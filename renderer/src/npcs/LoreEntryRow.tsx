import {
  ActionIcon,
  Badge,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconTrash } from '@tabler/icons-react';
import { memo, useMemo } from 'react';
import type { LorebookEntry } from '../../../main/domain/npc';
import { keyProblems, type KeyProblem } from '../../../main/domain/testchat/lorebook-key';
import { entryLabel } from '../../../main/domain/testchat/lorebook-scan';

const POSITIONS = [
  { value: 'before_char', label: 'Before the character' },
  { value: 'after_char', label: 'After the character' },
];

/** What the keys field says under itself: each key the engine cannot run, and why. */
const problemText = (problems: readonly KeyProblem[], list: KeyProblem['list']) =>
  problems
    .filter((problem) => problem.list === list)
    .map((problem) => `${problem.key}: ${problem.error}`)
    .join('\n') || undefined;

interface LoreEntryRowProps {
  entry: LorebookEntry;
  index: number;
  expanded: boolean;
  /** The handlers get the entry's index, so one function serves every row and an unchanged row is not drawn again. */
  onToggle(index: number): void;
  onChange(index: number, change: Partial<LorebookEntry>, group?: string): void;
  onDelete(index: number): void;
}

/**
 * One lorebook entry: a row with its title, keys and any key error, so a long lorebook
 * reads at a glance; expanded, all its fields.
 */
export const LoreEntryRow = memo(function LoreEntryRow({
  entry,
  index,
  expanded,
  onToggle,
  onChange: change,
  onDelete,
}: LoreEntryRowProps) {
  const onChange = (fields: Partial<LorebookEntry>, group?: string) => change(index, fields, group);
  const problems = useMemo(() => keyProblems(entry), [entry]);
  const keys = entry.keys.filter((key) => key.trim());
  const Chevron = expanded ? IconChevronDown : IconChevronRight;

  return (
    <Paper withBorder p="sm" radius="md" aria-label={`Lore entry ${index + 1}`} role="group">
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <UnstyledButton onClick={() => onToggle(index)} aria-expanded={expanded} flex={1} miw={0}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Chevron size={16} style={{ flexShrink: 0, marginTop: 2 }} />
              <Stack gap={4} miw={0}>
                <Text size="sm" fw={600} c={entry.enabled ? undefined : 'dimmed'} truncate="end">
                  {entryLabel(entry, index)}
                  {!entry.enabled && ' (off)'}
                  {entry.constant && ' · always included'}
                </Text>
                {keys.length > 0 && (
                  <Group gap={4}>
                    {keys.map((key, position) => (
                      <Badge
                        key={`${position}:${key}`}
                        size="sm"
                        variant="light"
                        tt="none"
                        color={problems.some((p) => p.key === key) ? 'red' : 'gray'}
                      >
                        {key}
                      </Badge>
                    ))}
                  </Group>
                )}
                {problems.length > 0 && !expanded && (
                  <Text size="xs" c="red" data-testid="lore-key-error">
                    {problems.length === 1 ? 'A key never matches' : `${problems.length} keys never match`}: {problems[0].key}:{' '}
                    {problems[0].error}
                  </Text>
                )}
              </Stack>
            </Group>
          </UnstyledButton>
          <Tooltip label={`Delete entry ${index + 1}`}>
            <ActionIcon variant="subtle" color="red" aria-label={`Delete lore entry ${index + 1}`} onClick={() => onDelete(index)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        {expanded && (
          <>
            <TextInput
              label="Title"
              placeholder="Shown in the list and the chat inspector; the first key when empty"
              value={entry.name ?? ''}
              onChange={(e) => onChange({ name: e.currentTarget.value || undefined }, `name:${index}`)}
            />
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <TagsInput
                label="Keys"
                placeholder="Type a key, press Enter"
                value={entry.keys}
                onChange={(keys) => onChange({ keys })}
                error={problemText(problems, 'keys')}
                flex={1}
              />
              <TagsInput
                label="Secondary keys"
                placeholder="Optional"
                value={entry.secondaryKeys ?? []}
                onChange={(secondaryKeys) => onChange({ secondaryKeys })}
                error={problemText(problems, 'secondaryKeys')}
                flex={1}
              />
            </Group>
            <Textarea
              label="Content"
              value={entry.content}
              onChange={(e) => onChange({ content: e.currentTarget.value }, `lore:${index}`)}
              autosize
              minRows={2}
              maxRows={10}
            />
            <Group gap="lg" align="center">
              <Switch label="Enabled" checked={entry.enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} />
              <NumberInput
                label="Order"
                size="xs"
                w={90}
                value={entry.insertionOrder}
                onChange={(v) => onChange({ insertionOrder: Number(v) || 0 }, `order:${index}`)}
              />
              <Select
                label="Position"
                size="xs"
                w={190}
                allowDeselect={false}
                data={POSITIONS.some((p) => p.value === entry.position) || !entry.position ? POSITIONS : [...POSITIONS, entry.position]}
                value={entry.position ?? 'before_char'}
                onChange={(position) => position && onChange({ position })}
              />
              <Checkbox
                label="Case sensitive"
                checked={entry.caseSensitive ?? false}
                onChange={(e) => onChange({ caseSensitive: e.currentTarget.checked })}
              />
              <Checkbox
                label="Always included"
                title="Constant: inserted whether or not a key matches"
                checked={entry.constant ?? false}
                onChange={(e) => onChange({ constant: e.currentTarget.checked })}
              />
              <Checkbox
                label="Regex keys"
                title="Keys written as /pattern/flags are regular expressions (flags i, m, s, u; no backreferences or lookaheads)"
                checked={entry.useRegex ?? false}
                onChange={(e) => onChange({ useRegex: e.currentTarget.checked })}
              />
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
});
