import { Badge, Group, Loader, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { SearchHit } from '../../../preload/api';
import { CONTENT_KIND_LABELS, CONTENT_KINDS } from '../../../main/domain/content-kinds';
import { api } from '../api/client';
import { SECTIONS } from '../app/sections';
import { useReveal } from './reveal-store';
import { useSearchView } from './search-view-store';
import { SnippetText } from './SnippetText';
import classes from './search-view.module.css';

const RESULT_LIMIT = 100;

/**
 * Ctrl/Cmd+Shift+F: the project search with room for many results, grouped by kind with
 * their snippets; a result opens its editor at the match.
 */
export function SearchView() {
  const opened = useSearchView((s) => s.opened);
  const setOpened = useSearchView((s) => s.setOpened);
  // Bound everywhere, also inside the code editor and text fields.
  useHotkeys([['mod+shift+F', () => setOpened(true)]], []);
  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title="Search project" size="xl" padding="md">
      <SearchResults onOpen={() => setOpened(false)} />
    </Modal>
  );
}

/** Mounted each time the view opens, so it starts empty. */
function SearchResults({ onOpen }: { onOpen(): void }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const [result, setResult] = useState<{ query: string; hits: SearchHit[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (debounced.length < 2) return;
    let current = true;
    api.call('search:query', { text: debounced, limit: RESULT_LIMIT }).then(
      (hits) => {
        if (!current) return;
        setResult({ query: debounced, hits });
        setError(null);
      },
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [debounced]);

  const groups = useMemo(
    () =>
      CONTENT_KINDS.map((kind) => ({ kind, hits: (result?.hits ?? []).filter((h) => h.kind === kind) })).filter((g) => g.hits.length > 0),
    [result],
  );
  const searching = debounced.length >= 2 && result?.query !== debounced && !error;

  return (
    <Stack gap="sm">
      <TextInput
        aria-label="Search project"
        placeholder="Words in names, notes, stories, poems, dialogue lines and code…"
        leftSection={<IconSearch size={16} />}
        rightSection={searching ? <Loader size={14} /> : null}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        data-autofocus
      />
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {debounced.length < 2 ? (
        <Text size="sm" c="dimmed">
          Type at least two letters. The last word matches as a prefix; results named for your words come first.
        </Text>
      ) : result && result.query === debounced && groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing in this project matches “{debounced}”.
        </Text>
      ) : (
        <ScrollArea.Autosize mah="60vh">
          <Stack gap="md" aria-label="Search results">
            {groups.map(({ kind, hits }) => {
              const Icon = SECTIONS.find((s) => s.id === kind)!.icon;
              return (
                <Stack key={kind} gap={2}>
                  <Group gap={6}>
                    <Icon size={16} />
                    <Text size="sm" fw={600}>
                      {CONTENT_KIND_LABELS[kind].many}
                    </Text>
                    <Badge size="xs" variant="light" color="gray">
                      {hits.length}
                    </Badge>
                  </Group>
                  {hits.map((hit) => (
                    <UnstyledButton
                      key={`${hit.id}-${hit.nodeId ?? ''}`}
                      px="sm"
                      py={6}
                      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                      className={classes.result}
                      onClick={() => {
                        useReveal.getState().open(hit, result!.query);
                        onOpen();
                      }}
                    >
                      <Text size="sm" fw={500}>
                        {hit.name}
                        {hit.nodeId && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            · node {hit.nodeId}
                          </Text>
                        )}
                      </Text>
                      <SnippetText snippet={hit.snippet} />
                    </UnstyledButton>
                  ))}
                </Stack>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
