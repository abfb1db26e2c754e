import {
  ActionIcon,
  Button,
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
  Tooltip,
} from '@mantine/core';
import { IconBook, IconPlus, IconTrash } from '@tabler/icons-react';
import type { Lorebook, LorebookEntry } from '../../../main/domain/npc';

const POSITIONS = [
  { value: 'before_char', label: 'Before the character' },
  { value: 'after_char', label: 'After the character' },
];

const newEntry = (insertionOrder: number): LorebookEntry => ({
  keys: [],
  secondaryKeys: [],
  content: '',
  enabled: true,
  insertionOrder,
  caseSensitive: false,
  constant: false,
  position: 'before_char',
  extensions: {},
});

const optionalNumber = (value: string | number) => (value === '' ? undefined : Math.max(0, Math.round(Number(value))));

interface LorebookEditorProps {
  lorebook: Lorebook | null;
  onChange(lorebook: Lorebook | null, group?: string): void;
}

/** The NPC's lorebook: facts the chat pulls in when their keys come up, with the book's scan settings. */
export function LorebookEditor({ lorebook, onChange }: LorebookEditorProps) {
  if (!lorebook) {
    return (
      <Stack align="flex-start" gap="xs" py="md">
        <Text size="sm" c="dimmed" maw={520}>
          A lorebook holds facts about the NPC’s world. Each entry has keywords; when one comes up in a chat, its text is added to what the
          model sees.
        </Text>
        <Button variant="light" leftSection={<IconBook size={16} />} onClick={() => onChange({ extensions: {}, entries: [newEntry(100)] })}>
          Add a lorebook
        </Button>
      </Stack>
    );
  }

  const setEntry = (index: number, change: Partial<LorebookEntry>, group?: string) =>
    onChange({ ...lorebook, entries: lorebook.entries.map((e, i) => (i === index ? { ...e, ...change } : e)) }, group);
  const nextOrder = Math.max(0, ...lorebook.entries.map((e) => e.insertionOrder)) + 10;

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end">
        <NumberInput
          label="Scan depth"
          description="Messages searched for keys"
          min={0}
          w={220}
          value={lorebook.scanDepth ?? ''}
          onChange={(v) => onChange({ ...lorebook, scanDepth: optionalNumber(v) }, 'scanDepth')}
        />
        <NumberInput
          label="Token budget"
          description="Most lore tokens per reply"
          min={0}
          step={64}
          w={220}
          value={lorebook.tokenBudget ?? ''}
          onChange={(v) => onChange({ ...lorebook, tokenBudget: optionalNumber(v) }, 'tokenBudget')}
        />
        <Button variant="subtle" color="red" ml="auto" onClick={() => onChange(null)}>
          Remove lorebook
        </Button>
      </Group>
      {lorebook.entries.map((entry, index) => (
        <Paper key={index} withBorder p="sm" radius="md" aria-label={`Lore entry ${index + 1}`} role="group">
          <Stack gap="xs">
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <TagsInput
                label="Keys"
                placeholder="Type a key, press Enter"
                value={entry.keys}
                onChange={(keys) => setEntry(index, { keys })}
                flex={1}
              />
              <TagsInput
                label="Secondary keys"
                placeholder="Optional"
                value={entry.secondaryKeys ?? []}
                onChange={(secondaryKeys) => setEntry(index, { secondaryKeys })}
                flex={1}
              />
              <Tooltip label={`Delete entry ${index + 1}`}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={26}
                  aria-label={`Delete lore entry ${index + 1}`}
                  onClick={() => onChange({ ...lorebook, entries: lorebook.entries.filter((_, i) => i !== index) })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
            <Textarea
              label="Content"
              value={entry.content}
              onChange={(e) => setEntry(index, { content: e.currentTarget.value }, `lore:${index}`)}
              autosize
              minRows={2}
              maxRows={10}
            />
            <Group gap="lg" align="center">
              <Switch label="Enabled" checked={entry.enabled} onChange={(e) => setEntry(index, { enabled: e.currentTarget.checked })} />
              <NumberInput
                label="Order"
                size="xs"
                w={90}
                value={entry.insertionOrder}
                onChange={(v) => setEntry(index, { insertionOrder: Number(v) || 0 }, `order:${index}`)}
              />
              <Select
                label="Position"
                size="xs"
                w={190}
                allowDeselect={false}
                data={POSITIONS.some((p) => p.value === entry.position) || !entry.position ? POSITIONS : [...POSITIONS, entry.position]}
                value={entry.position ?? 'before_char'}
                onChange={(position) => position && setEntry(index, { position })}
              />
              <Checkbox
                label="Case sensitive"
                checked={entry.caseSensitive ?? false}
                onChange={(e) => setEntry(index, { caseSensitive: e.currentTarget.checked })}
              />
              <Checkbox
                label="Always included"
                title="Constant: inserted whether or not a key matches"
                checked={entry.constant ?? false}
                onChange={(e) => setEntry(index, { constant: e.currentTarget.checked })}
              />
            </Group>
          </Stack>
        </Paper>
      ))}
      <Button
        variant="light"
        w="fit-content"
        leftSection={<IconPlus size={16} />}
        onClick={() => onChange({ ...lorebook, entries: [...lorebook.entries, newEntry(nextOrder)] })}
      >
        Add entry
      </Button>
    </Stack>
  );
}
