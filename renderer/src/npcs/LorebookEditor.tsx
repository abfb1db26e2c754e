import { Button, CloseButton, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconBook, IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Lorebook, LorebookEntry } from '../../../main/domain/npc';
import { VirtualRows } from '../components/VirtualRows';
import { entryMatches } from './lore-entry-filter';
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

/** A lorebook this long gets a field to find its entries by. */
const FILTER_FROM = 8;

interface LorebookEditorProps {
  lorebook: Lorebook | null;
  onChange(lorebook: Lorebook | null, group?: string): void;
}

/**
 * The NPC's lorebook: facts the chat pulls in when their keys come up, with the book's
 * scan settings. Entries show as rows (title, keys, key errors); the creator opens the ones
 * to edit, and a new entry opens by itself. Only the rows in view are drawn, and a row is
 * drawn again only when its entry changes, so a card's 10,000-entry world book edits as
 * quickly as a short one; a long book can be searched by key, title or text.
 */
export function LorebookEditor({ lorebook, onChange }: LorebookEditorProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [scrollTo, setScrollTo] = useState<number>();
  const entries = lorebook?.entries;
  const shown = useMemo(() => {
    const all = entries ?? [];
    const text = deferredQuery.trim().toLowerCase();
    return all.flatMap((entry, index) => (!text || entryMatches(entry, index, text) ? [index] : []));
  }, [entries, deferredQuery]);

  // The rows' handlers stay the same function from render to render, so an unchanged row is not drawn again.
  const current = useRef({ lorebook, onChange });
  useLayoutEffect(() => {
    current.current = { lorebook, onChange };
  });
  const toggle = useCallback(
    (index: number) => setExpanded((open) => (open.has(index) ? new Set([...open].filter((i) => i !== index)) : new Set([...open, index]))),
    [],
  );
  const setEntry = useCallback((index: number, change: Partial<LorebookEntry>, group?: string) => {
    const { lorebook: book, onChange: write } = current.current;
    if (book) write({ ...book, entries: book.entries.map((e, i) => (i === index ? { ...e, ...change } : e)) }, group);
  }, []);
  const remove = useCallback((index: number) => {
    const { lorebook: book, onChange: write } = current.current;
    if (!book) return;
    setExpanded((open) => new Set([...open].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i))));
    write({ ...book, entries: book.entries.filter((_, i) => i !== index) });
  }, []);

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

  const add = () => {
    const index = lorebook.entries.length;
    const nextOrder = lorebook.entries.reduce((most, e) => Math.max(most, e.insertionOrder), 0) + 10;
    setExpanded((open) => new Set([...open, index]));
    setQuery('');
    setScrollTo(index);
    onChange({ ...lorebook, entries: [...lorebook.entries, newEntry(nextOrder)] });
  };
  const count = lorebook.entries.length;

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
      {count >= FILTER_FROM && (
        <Group gap="md" align="center">
          <TextInput
            aria-label="Find lore entries"
            placeholder="Find entries by key, title or text"
            leftSection={<IconSearch size={16} />}
            rightSection={query && <CloseButton aria-label="Clear the search" onClick={() => setQuery('')} />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            w={360}
          />
          <Text size="sm" c="dimmed" aria-live="polite">
            {deferredQuery.trim()
              ? `${shown.length.toLocaleString('en')} of ${count.toLocaleString('en')} entries`
              : `${count.toLocaleString('en')} entries`}
          </Text>
        </Group>
      )}
      {shown.length === 0 && (
        <Text size="sm" c="dimmed">
          No entry has “{deferredQuery.trim()}” in its keys, title or text.
        </Text>
      )}
      <VirtualRows
        count={shown.length}
        rowKey={(position) => shown[position]}
        estimateSize={76}
        gap={12}
        scrollTo={scrollTo === undefined ? undefined : shown.indexOf(scrollTo)}
        row={(position) => {
          const index = shown[position];
          return (
            <LoreEntryRow
              entry={lorebook.entries[index]}
              index={index}
              expanded={expanded.has(index)}
              onToggle={toggle}
              onChange={setEntry}
              onDelete={remove}
            />
          );
        }}
      />
      <Button variant="light" w="fit-content" leftSection={<IconPlus size={16} />} onClick={add}>
        Add entry
      </Button>
    </Stack>
  );
}
