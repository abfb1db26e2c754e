import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconBook, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Lorebook, LorebookEntry } from '../../../main/domain/npc';
import { LoreEntryRow } from './LoreEntryRow';

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

/**
 * The NPC's lorebook: facts the chat pulls in when their keys come up, with the book's
 * scan settings. Entries show as rows (title, keys, key errors); the creator opens the ones
 * to edit, and a new entry opens by itself.
 */
export function LorebookEditor({ lorebook, onChange }: LorebookEditorProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const toggle = (index: number) =>
    setExpanded((open) => (open.has(index) ? new Set([...open].filter((i) => i !== index)) : new Set([...open, index])));

  if (!lorebook) {
    return (
      <Stack align="flex-start" gap="xs" py="md">
        <Text size="sm" c="dimmed" maw={520}>
          A lorebook holds facts about the NPC’s world. Each entry has keywords; when one comes up in a chat, its text is added to what the
          model sees.
        </Text>
        <Button
          variant="light"
          leftSection={<IconBook size={16} />}
          onClick={() => {
            setExpanded(new Set([0]));
            onChange({ extensions: {}, entries: [newEntry(100)] });
          }}
        >
          Add a lorebook
        </Button>
      </Stack>
    );
  }

  const setEntry = (index: number, change: Partial<LorebookEntry>, group?: string) =>
    onChange({ ...lorebook, entries: lorebook.entries.map((e, i) => (i === index ? { ...e, ...change } : e)) }, group);
  const nextOrder = Math.max(0, ...lorebook.entries.map((e) => e.insertionOrder)) + 10;
  const remove = (index: number) => {
    setExpanded((open) => new Set([...open].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i))));
    onChange({ ...lorebook, entries: lorebook.entries.filter((_, i) => i !== index) });
  };
  const add = () => {
    setExpanded((open) => new Set([...open, lorebook.entries.length]));
    onChange({ ...lorebook, entries: [...lorebook.entries, newEntry(nextOrder)] });
  };

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
        <LoreEntryRow
          key={index}
          entry={entry}
          index={index}
          expanded={expanded.has(index)}
          onToggle={() => toggle(index)}
          onChange={(change, group) => setEntry(index, change, group)}
          onDelete={() => remove(index)}
        />
      ))}
      <Button variant="light" w="fit-content" leftSection={<IconPlus size={16} />} onClick={add}>
        Add entry
      </Button>
    </Stack>
  );
}
