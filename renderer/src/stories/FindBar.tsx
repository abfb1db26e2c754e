import { ActionIcon, Button, Checkbox, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { findOf, MAX_MATCHES } from './editor/find-replace';

/** Find and replace over the story; Enter finds the next match, Shift+Enter the previous, Escape closes. */
export function FindBar({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const [query, setQuery] = useState(() => {
    const { from, to } = editor.state.selection;
    return to > from && to - from < 100 ? editor.state.doc.textBetween(from, to) : '';
  });
  const [replacement, setReplacement] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const found = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const state = findOf(e.state);
      return { count: state.matches.length, current: state.current };
    },
  });

  useEffect(() => {
    editor.commands.setFind(query, caseSensitive);
  }, [editor, query, caseSensitive]);
  useEffect(() => () => void editor.commands.setFind(''), [editor]);

  const step = (direction: 1 | -1) => editor.commands.findStep(direction);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      editor.commands.focus();
    }
  };
  const countLabel = !query
    ? ''
    : found.count === 0
      ? 'No matches'
      : `${found.current >= 0 ? found.current + 1 : '–'} of ${found.count}${found.count >= MAX_MATCHES ? '+' : ''}`;

  return (
    <Group
      gap={6}
      px="lg"
      py={6}
      role="search"
      aria-label="Find and replace"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group gap={6} wrap="nowrap">
        <TextInput
          size="xs"
          placeholder="Find"
          aria-label="Find"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onKey}
          autoFocus
          w={180}
        />
        <Text size="xs" c="dimmed" w={78} aria-live="polite" data-testid="find-count">
          {countLabel}
        </Text>
        <Tooltip label="Previous (Shift+Enter)">
          <ActionIcon variant="subtle" color="gray" aria-label="Previous match" onClick={() => step(-1)} disabled={!found.count}>
            <IconArrowUp size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Next (Enter)">
          <ActionIcon variant="subtle" color="gray" aria-label="Next match" onClick={() => step(1)} disabled={!found.count}>
            <IconArrowDown size={16} />
          </ActionIcon>
        </Tooltip>
        <Checkbox
          size="xs"
          label="Aa"
          aria-label="Match case"
          checked={caseSensitive}
          onChange={(e) => setCaseSensitive(e.currentTarget.checked)}
        />
        <TextInput
          size="xs"
          placeholder="Replace with"
          aria-label="Replace with"
          value={replacement}
          onChange={(e) => setReplacement(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && onKey(e)}
          w={160}
        />
        <Button
          size="compact-xs"
          variant="default"
          disabled={found.current < 0}
          onClick={() => editor.commands.replaceCurrent(replacement)}
        >
          Replace
        </Button>
        <Button size="compact-xs" variant="default" disabled={!found.count} onClick={() => editor.commands.replaceAll(replacement)}>
          Replace all
        </Button>
      </Group>
      <ActionIcon variant="subtle" color="gray" aria-label="Close find" onClick={onClose} ml="auto">
        <IconX size={16} />
      </ActionIcon>
    </Group>
  );
}
