import { Box, Button, Center, EmptyState, Group, Loader, ScrollArea, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCode, IconFolderPlus } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { ScriptSummary } from '../../../preload/contract/scripts';
import { buildFolderTree, folderAncestors } from '../../../main/domain/script';
import { api } from '../api/client';
import { sectionById } from '../app/sections';
import { confirmDanger } from '../components/confirm-danger';
import { ListPaneHeader, NewItemButton } from '../components/ListPaneHeader';
import { NameModal } from '../projects/NameModal';
import { useContent } from '../stores/content-store';
import { useUi } from '../stores/ui-store';
import { FolderModal } from './FolderModal';
import { NewScriptModal } from './NewScriptModal';
import { useScripts } from './script-store';
import { ScriptTree, type ScriptTreeActions } from './ScriptTree';
import listClasses from '../sections/ContentSection.module.css';

/** Monaco and everything that needs it load with the first opened script, not with the section. */
const ScriptEditor = lazy(() => import('./ScriptEditor').then((m) => ({ default: m.ScriptEditor })));

type FolderDialog = { mode: 'new' } | { mode: 'move-script'; script: ScriptSummary } | { mode: 'move-folder'; folder: string } | null;

const failed = (title: string) => (e: Error) => {
  notifications.show({ color: 'red', title, message: e.message });
};

/** The Scripts section: scripts in a folder tree on the left, the selected one in Monaco on the right. */
export function ScriptSection() {
  const section = sectionById('script');
  const { list, emptyFolders } = useScripts();
  const selected = useContent((s) => s.selected.script);
  const newOpen = useUi((s) => s.dialog === 'new-item');
  const [newFolder, setNewFolder] = useState('');
  const [renaming, setRenaming] = useState<ScriptSummary | null>(null);
  const [folderDialog, setFolderDialog] = useState<FolderDialog>(null);

  useEffect(() => {
    const load = () => void useScripts.getState().load().catch(failed('Could not load scripts'));
    load();
    return api.on('content:changed', ({ kind }) => kind === 'script' && load());
  }, []);

  const tree = useMemo(() => buildFolderTree(list ?? [], (s) => s.folder, emptyFolders), [list, emptyFolders]);
  const folders = useMemo(
    () => [...new Set([...(list ?? []).flatMap((s) => folderAncestors(s.folder)), ...emptyFolders.flatMap(folderAncestors)])].sort(),
    [list, emptyFolders],
  );

  const actions: ScriptTreeActions = {
    open: (id) => useContent.getState().select('script', id),
    rename: setRenaming,
    move: (script) => setFolderDialog({ mode: 'move-script', script }),
    moveFolder: (folder) => setFolderDialog({ mode: 'move-folder', folder }),
    newScriptIn: (folder) => {
      setNewFolder(folder);
      useUi.getState().openDialog('new-item');
    },
    remove: (script) =>
      confirmDanger({
        title: `Delete “${script.name}”?`,
        body: 'It disappears from the project; its history stays in the project file.',
        confirmLabel: 'Delete',
        onConfirm: () => useScripts.getState().remove(script.id).catch(failed('Could not delete')),
      }),
  };

  return (
    <Box className={listClasses.layout}>
      <Stack className={listClasses.listPane} gap={0}>
        <ListPaneHeader title={section.label} newLabel="New script" />
        <Group px="sm" pb="xs">
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            leftSection={<IconFolderPlus size={14} />}
            onClick={() => setFolderDialog({ mode: 'new' })}
          >
            New folder
          </Button>
        </Group>
        <ScrollArea flex={1} px="xs">
          <nav aria-label="Scripts list">
            <ScriptTree node={tree} selected={selected} actions={actions} />
          </nav>
        </ScrollArea>
      </Stack>
      <Box className={listClasses.editorPane} style={{ overflow: 'hidden', display: 'flex' }}>
        {selected ? (
          <Suspense
            fallback={
              <Center flex={1}>
                <Loader size="sm" aria-label="Loading the code editor" />
              </Center>
            }
          >
            <ScriptEditor key={selected} id={selected} />
          </Suspense>
        ) : (
          <Center flex={1} p="xl">
            <EmptyState
              icon={<IconCode size={40} stroke={1.4} />}
              variant="light"
              title={list?.length ? 'Pick a script from the list' : 'No scripts yet'}
              description={`${section.description} Write Luau for Roblox or TypeScript for web worlds, with highlighting, type checks, runtime snippets (type “lw-”) and completions from your local model.`}
              maw={480}
            >
              {!list?.length && (
                <EmptyState.Actions>
                  <NewItemButton label="New script" />
                </EmptyState.Actions>
              )}
            </EmptyState>
          </Center>
        )}
      </Box>
      <NewScriptModal
        opened={newOpen}
        folders={folders}
        initialFolder={newFolder}
        onClose={() => {
          useUi.getState().closeDialog();
          setNewFolder('');
        }}
        onSubmit={(name, language, folder) => useScripts.getState().create(name, language, folder)}
      />
      <NameModal
        opened={renaming !== null}
        title="Rename script"
        label="Name"
        submitLabel="Rename"
        initialName={renaming?.name ?? ''}
        onClose={() => setRenaming(null)}
        onSubmit={(name) => useScripts.getState().rename(renaming!.id, name)}
      />
      <FolderModal
        opened={folderDialog !== null}
        title={
          folderDialog?.mode === 'new'
            ? 'New folder'
            : folderDialog?.mode === 'move-script'
              ? `Move “${folderDialog.script.name}”`
              : 'Rename or move folder'
        }
        submitLabel={folderDialog?.mode === 'new' ? 'Create' : 'Move'}
        initialFolder={
          folderDialog?.mode === 'move-script'
            ? folderDialog.script.folder
            : folderDialog?.mode === 'move-folder'
              ? folderDialog.folder
              : ''
        }
        folders={folders}
        onClose={() => setFolderDialog(null)}
        onSubmit={async (folder) => {
          if (!folderDialog) return;
          if (folderDialog.mode === 'new') {
            if (!folder) throw new Error('Give the folder a name');
            useScripts.getState().addFolder(folder);
          } else if (folderDialog.mode === 'move-script') await useScripts.getState().move(folderDialog.script.id, folder);
          else await useScripts.getState().moveFolder(folderDialog.folder, folder);
        }}
      />
    </Box>
  );
}
