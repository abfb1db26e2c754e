import { ActionIcon, Box, Center, EmptyState, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDots, IconMessages, IconPencil, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { NpcSummary } from '../../../preload/contract/npcs';
import type { DialogueSummary } from '../../../preload/contract/dialogues';
import { api } from '../api/client';
import { sectionById } from '../app/sections';
import { confirmDanger } from '../components/confirm-danger';
import { ListPaneHeader, NewItemButton } from '../components/ListPaneHeader';
import { NameModal } from '../projects/NameModal';
import { NpcSelect } from '../npcs/NpcSelect';
import { useContent } from '../stores/content-store';
import { useNpcs } from '../stores/npc-store';
import { useSession } from '../stores/session-store';
import { useUi } from '../stores/ui-store';
import { DialogueEditor } from './DialogueEditor';
import { useReferenceLists } from './references/reference-store';
import type { EditorState } from './graph/editor-store';
import listClasses from '../sections/ContentSection.module.css';
import { VirtualNavList } from '../components/VirtualNavList';

const NO_NPCS: NpcSummary[] = [];

type NameDialog = { mode: 'rename' | 'duplicate'; dialogue: DialogueSummary } | null;

const failed = (title: string) => (e: Error) => notifications.show({ color: 'red', title, message: e.message });

/** The Dialogues section: the project's dialogues (all, or one NPC's) and the graph editor of the selected one. */
export function DialogueSection() {
  const section = sectionById('dialogue');
  const [list, setList] = useState<DialogueSummary[] | null>(null);
  const npcs = useNpcs((s) => s.list) ?? NO_NPCS;
  const [npcFilter, setNpcFilter] = useState<string | null>(null);
  const [nameDialog, setNameDialog] = useState<NameDialog>(null);
  const selected = useContent((s) => s.selected.dialogue);
  const select = useCallback((id: string | undefined) => useContent.getState().select('dialogue', id), []);
  const newOpen = useUi((s) => s.dialog === 'new-item');
  const openEditor = useRef<StoreApi<EditorState> | null>(null);
  const trackSave = useSession((s) => s.trackSave);

  const refresh = useCallback(() => {
    api.call('dialogues:list', {}).then(setList, failed('Could not load dialogues'));
  }, []);
  useEffect(refresh, [refresh]);
  useReferenceLists();
  const onStore = useCallback((store: StoreApi<EditorState> | null) => {
    openEditor.current = store;
  }, []);

  const shown = useMemo(() => (list ?? []).filter((d) => !npcFilter || d.npcId === npcFilter), [list, npcFilter]);
  const npcName = useMemo(() => new Map(npcs.map((n) => [n.id, n.name])), [npcs]);

  const rename = async (dialogue: DialogueSummary, name: string) => {
    const editor = openEditor.current;
    // The open dialogue is renamed through its editor, so the rename is an undo step and its autosave stays in sequence.
    if (editor && editor.getState().id === dialogue.id) editor.getState().run('setHeader', { fields: { name }, label: 'Rename' });
    else await trackSave(api.call('dialogues:save', { id: dialogue.id, baseRevision: dialogue.revision, name }));
    refresh();
  };

  return (
    <Box className={listClasses.layout}>
      <Stack className={listClasses.listPane} gap={0}>
        <ListPaneHeader title={section.label} newLabel="New dialogue" />
        <Box px="sm" pb="xs">
          <NpcSelect
            size="xs"
            aria-label="Filter by NPC"
            placeholder="All NPCs"
            clearable
            npcs={npcs}
            value={npcFilter}
            onChange={setNpcFilter}
          />
        </Box>
        <VirtualNavList
          label="Dialogues list"
          items={shown}
          rowHeight={52}
          selected={selected}
          onSelect={select}
          row={(dialogue) => ({
            label: dialogue.name,
            description: `${dialogue.nodeCount} node${dialogue.nodeCount === 1 ? '' : 's'}${dialogue.npcId ? ` · ${npcName.get(dialogue.npcId) ?? 'NPC'}` : ''}`,
            rightSection: (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="gray"
                    aria-label={`Actions for ${dialogue.name}`}
                    onClick={(e) => e.stopPropagation()}
                  >
                    <IconDots size={14} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
                  <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setNameDialog({ mode: 'rename', dialogue })}>
                    Rename
                  </Menu.Item>
                  <Menu.Item leftSection={<IconCopy size={14} />} onClick={() => setNameDialog({ mode: 'duplicate', dialogue })}>
                    Duplicate
                  </Menu.Item>
                  <Menu.Item
                    color="red"
                    leftSection={<IconTrash size={14} />}
                    onClick={() =>
                      confirmDanger({
                        title: `Delete “${dialogue.name}”?`,
                        body: 'It disappears from the project; its history stays in the project file.',
                        confirmLabel: 'Delete',
                        onConfirm: async () => {
                          await trackSave(api.call('dialogues:delete', { id: dialogue.id })).catch(failed('Could not delete'));
                          if (selected === dialogue.id) select(undefined);
                          refresh();
                        },
                      })
                    }
                  >
                    Delete
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ),
          })}
        >
          {list && list.length > 0 && shown.length === 0 && (
            <Text size="sm" c="dimmed" p="sm">
              This NPC has no dialogues yet.
            </Text>
          )}
        </VirtualNavList>
      </Stack>
      <Box className={listClasses.editorPane} style={{ overflow: 'hidden' }}>
        {selected ? (
          <DialogueEditor key={selected} id={selected} npcs={npcs} dialogues={list ?? []} onSaved={refresh} onStore={onStore} />
        ) : (
          <Center h="100%" p="xl">
            <EmptyState
              icon={<IconMessages size={40} stroke={1.4} />}
              variant="light"
              title={list?.length ? 'Pick a dialogue from the list' : 'No dialogues yet'}
              description={`${section.description} Each starts with a line and an end; build the rest as a graph, with the local model drafting lines in your NPC’s voice.`}
              maw={460}
            >
              {!list?.length && (
                <EmptyState.Actions>
                  <NewItemButton label="New dialogue" />
                </EmptyState.Actions>
              )}
            </EmptyState>
          </Center>
        )}
      </Box>
      <NameModal
        opened={newOpen}
        title={npcFilter ? `New dialogue for ${npcName.get(npcFilter) ?? 'this NPC'}` : 'New dialogue'}
        label="Name"
        submitLabel="Create"
        onClose={() => useUi.getState().closeDialog()}
        onSubmit={async (name) => {
          const created = await trackSave(api.call('dialogues:create', { name, ...(npcFilter ? { npcId: npcFilter } : {}) }));
          refresh();
          select(created.id);
        }}
      />
      <NameModal
        opened={nameDialog !== null}
        title={nameDialog?.mode === 'rename' ? 'Rename dialogue' : 'Duplicate dialogue'}
        label="Name"
        submitLabel={nameDialog?.mode === 'rename' ? 'Rename' : 'Duplicate'}
        initialName={nameDialog ? (nameDialog.mode === 'rename' ? nameDialog.dialogue.name : `${nameDialog.dialogue.name} (copy)`) : ''}
        onClose={() => setNameDialog(null)}
        onSubmit={async (name) => {
          if (!nameDialog) return;
          if (nameDialog.mode === 'rename') {
            await rename(nameDialog.dialogue, name);
            return;
          }
          const copy = await trackSave(api.call('dialogues:duplicate', { id: nameDialog.dialogue.id, name }));
          refresh();
          select(copy.id);
        }}
      />
    </Box>
  );
}
