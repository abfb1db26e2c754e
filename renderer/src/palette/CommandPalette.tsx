import { Badge, Group, Text, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconFileDatabase, IconKeyboard, IconMoon, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { SearchHit } from '../../../preload/api';
import { CONTENT_KIND_LABELS } from '../../../main/domain/content-kinds';
import { api } from '../api/client';
import { SECTIONS } from '../app/sections';
import { keyLabel } from '../app/shortcuts';
import { useReveal } from '../search/reveal-store';
import { useSearchView } from '../search/search-view-store';
import { useProjects } from '../stores/projects-store';
import { useSession } from '../stores/session-store';
import { useUi } from '../stores/ui-store';
import { matchesQuery } from './matches-query';

/** Ctrl/Cmd+K: every command, every section, and full-text search over the open project. */
export function CommandPalette() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const project = useSession((s) => s.project);
  const projects = useProjects((s) => s.projects);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');

  const searching = Boolean(project) && debounced.trim().length >= 2;

  useEffect(() => {
    if (!searching) return;
    let current = true;
    api.call('search:query', { text: debounced, limit: 12 }).then(
      (found) => current && setHits(found),
      () => current && setHits([]),
    );
    return () => {
      current = false;
    };
  }, [debounced, searching]);

  const commands = useMemo<SpotlightActionData[]>(() => {
    const { openDialog } = useUi.getState();
    const session = useSession.getState();
    const common: SpotlightActionData[] = [
      {
        id: 'theme',
        label: `Switch to ${scheme === 'dark' ? 'light' : 'dark'} theme`,
        leftSection: <IconMoon size={18} />,
        rightSection: <Kbd keys="mod+shift+L" />,
        onClick: () => setColorScheme(scheme === 'dark' ? 'light' : 'dark'),
      },
      { id: 'shortcuts', label: 'Keyboard shortcuts', leftSection: <IconKeyboard size={18} />, onClick: () => openDialog('shortcuts') },
    ];
    if (!project) {
      return [
        { id: 'new-project', label: 'New project…', leftSection: <IconPlus size={18} />, onClick: () => openDialog('new-project') },
        ...projects.map((p) => ({
          id: `open-${p.id}`,
          label: `Open ${p.name}`,
          leftSection: <IconFileDatabase size={18} />,
          onClick: () => void session.openProject(p.id),
        })),
        ...common,
      ];
    }
    return [
      ...SECTIONS.map((s, i) => ({
        id: `go-${s.id}`,
        label: `Go to ${s.label}`,
        leftSection: <s.icon size={18} />,
        rightSection: <Kbd keys={`alt+${i + 1}`} />,
        onClick: () => session.setSection(s.id),
      })),
      ...SECTIONS.filter((s) => s.kind).map((s) => ({
        id: `new-${s.id}`,
        label: `New ${CONTENT_KIND_LABELS[s.kind!].one}…`,
        leftSection: <IconPlus size={18} />,
        onClick: () => {
          session.setSection(s.id);
          openDialog('new-item');
        },
      })),
      {
        id: 'search-project',
        label: 'Search project…',
        leftSection: <IconSearch size={18} />,
        rightSection: <Kbd keys="mod+shift+F" />,
        onClick: () => useSearchView.getState().setOpened(true),
      },
      { id: 'close-project', label: 'Close project', leftSection: <IconX size={18} />, onClick: () => void session.closeProject() },
      ...common,
    ];
  }, [project, projects, scheme, setColorScheme]);

  const actions = useMemo<(SpotlightActionData | SpotlightActionGroupData)[]>(() => {
    const matching = commands.filter((c) => matchesQuery(String(c.label), query));
    const groups: SpotlightActionGroupData[] = [];
    if (searching && hits.length) {
      groups.push({
        group: 'In this project',
        actions: hits.map((hit) => ({
          id: `hit-${hit.id}`,
          label: hit.name,
          description: hit.snippet.replace(/[«»]/g, ''),
          leftSection: <IconSearch size={18} />,
          rightSection: (
            <Badge size="sm" variant="light">
              {CONTENT_KIND_LABELS[hit.kind].one}
            </Badge>
          ),
          onClick: () => useReveal.getState().open(hit, debounced),
        })),
      });
    }
    if (matching.length) groups.push({ group: 'Commands', actions: matching });
    return groups;
  }, [commands, hits, query, searching, debounced]);

  return (
    <Spotlight
      actions={actions}
      filter={(_, all) => all}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      nothingFound={project ? 'Nothing found in commands or project content' : 'No matching command'}
      highlightQuery
      limit={40}
      scrollable
      maxHeight={440}
      searchProps={{
        leftSection: <IconSearch size={18} />,
        placeholder: project ? 'Search the project or run a command…' : 'Run a command…',
      }}
    />
  );
}

function Kbd({ keys }: { keys: string }) {
  return (
    <Group gap={2}>
      <Text size="xs" c="dimmed">
        {keyLabel(keys)}
      </Text>
    </Group>
  );
}
