import { Box, Center, EmptyState, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ComponentType } from 'react';
import { CONTENT_KIND_LABELS, type ContentKind } from '../../../main/domain/content-kinds';
import type { Section } from '../app/sections';
import { ListPaneHeader, NewItemButton } from '../components/ListPaneHeader';
import { NameModal } from '../projects/NameModal';
import { useContent } from '../stores/content-store';
import { useUi } from '../stores/ui-store';
import classes from './ContentSection.module.css';
import { VirtualNavList } from '../components/VirtualNavList';

interface ContentSectionProps {
  section: Section;
  kind: ContentKind;
  /** The selected item's editor. */
  editor: ComponentType<{ id: string; kind: ContentKind }>;
}

/** A section that holds project items: the list on the left, the selected item on the right. */
export function ContentSection({ section, kind, editor: Editor }: ContentSectionProps) {
  const list = useContent((s) => s.lists[kind]);
  const selected = useContent((s) => s.selected[kind]);
  const { load, select, create } = useContent.getState();
  const dialog = useUi((s) => s.dialog);
  const closeDialog = useUi((s) => s.closeDialog);
  const [filter, setFilter] = useState('');
  const label = CONTENT_KIND_LABELS[kind];

  useEffect(() => {
    load(kind).catch((e: Error) => notifications.show({ color: 'red', title: `Could not load ${label.many}`, message: e.message }));
  }, [kind, load, label.many]);

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (list ?? []).filter((item) => !needle || item.name.toLowerCase().includes(needle));
  }, [list, filter]);

  return (
    <Box className={classes.layout}>
      <Stack className={classes.listPane} gap={0}>
        <ListPaneHeader title={section.label} newLabel={`New ${label.one}`} />
        {(list?.length ?? 0) > 6 && (
          <Box px="sm" pb="xs">
            <TextInput
              size="xs"
              placeholder={`Filter ${label.many}`}
              leftSection={<IconSearch size={14} />}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
            />
          </Box>
        )}
        <VirtualNavList
          label={`${section.label} list`}
          items={shown}
          rowHeight={38}
          selected={selected}
          onSelect={(id) => select(kind, id)}
          row={(item) => ({
            label: item.name,
          })}
        >
          {list && list.length > 0 && shown.length === 0 && (
            <Text size="sm" c="dimmed" p="sm">
              Nothing matches “{filter}”.
            </Text>
          )}
        </VirtualNavList>
      </Stack>
      <Box className={classes.editorPane}>
        {selected ? (
          <Editor key={selected} id={selected} kind={kind} />
        ) : (
          <Center h="100%" p="xl">
            <EmptyState
              icon={<section.icon size={40} stroke={1.4} />}
              variant="light"
              title={list?.length ? `Pick a ${label.one.toLowerCase()} from the list` : `No ${label.many} yet`}
              description={section.description}
              maw={440}
            >
              {!list?.length && (
                <EmptyState.Actions>
                  <NewItemButton label={`New ${label.one}`} />
                </EmptyState.Actions>
              )}
            </EmptyState>
          </Center>
        )}
      </Box>
      <NameModal
        opened={dialog === 'new-item'}
        title={`New ${label.one}`}
        label="Name"
        submitLabel="Create"
        onClose={closeDialog}
        onSubmit={async (name) => {
          await create(kind, name);
        }}
      />
    </Box>
  );
}
