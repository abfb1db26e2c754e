import { Box, Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Section } from '../app/sections';
import { keyLabel } from '../app/shortcuts';
import { NameModal } from '../projects/NameModal';
import { ListPaneFold } from '../components/ListPaneFold';
import classes from '../sections/ContentSection.module.css';
import { useContent } from '../stores/content-store';
import { useNpcs } from '../stores/npc-store';
import { useUi } from '../stores/ui-store';
import { AiButton } from '../components/AiButton';
import { SectionEmptyState } from '../components/SectionEmptyState';
import { IdeaModal } from './IdeaModal';
import { ImportCardButton } from './ImportCardButton';
import { NpcEditor } from './NpcEditor';
import { NpcList } from './NpcList';

/** The NPCs section: the list with portraits on the left, the persona editor on the right. */
export function NpcSection({ section }: { section: Section }) {
  const list = useNpcs((s) => s.list);
  const selected = useContent((s) => s.selected.npc);
  const dialog = useUi((s) => s.dialog);
  const { openDialog, closeDialog } = useUi.getState();
  const [filter, setFilter] = useState('');
  const [ideaOpen, setIdeaOpen] = useState(false);

  useEffect(() => {
    const load = () =>
      useNpcs
        .getState()
        .load()
        .catch((e: Error) => notifications.show({ color: 'red', title: 'Could not load the NPCs', message: e.message }));
    void load();
    return api.on('content:changed', ({ kind }) => kind === 'npc' && void load());
  }, []);

  const select = (id: string) => useContent.getState().select('npc', id);
  const newButton = (
    <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => openDialog('new-item')} title={`New NPC (${keyLabel('alt+N')})`}>
      New NPC
    </Button>
  );
  const openIdea = () => setIdeaOpen(true);

  return (
    <Box className={classes.layout}>
      <Stack className={classes.listPane} gap={0}>
        <ListPaneFold />
        <Stack p="sm" pb="xs" gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {section.label}
            </Title>
            {newButton}
          </Group>
          <Group gap={6} grow>
            <ImportCardButton label="Import…" />
            <AiButton size="xs" fullWidth onClick={openIdea}>
              From idea
            </AiButton>
          </Group>
          <TextInput
            size="xs"
            placeholder="Search by name, role or tag"
            aria-label="Search NPCs"
            leftSection={<IconSearch size={14} />}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
        </Stack>
        <NpcList npcs={list ?? []} selected={selected} filter={filter} onSelect={select} />
      </Stack>
      <Box className={classes.editorPane}>
        {selected ? (
          <NpcEditor key={selected} id={selected} />
        ) : (
          <SectionEmptyState
            section={section}
            hasItems={Boolean(list?.length)}
            pickTitle="Pick an NPC from the list"
            emptyTitle="No NPCs yet"
            emptyDescription="Start from a blank persona, import a Character Card (PNG or JSON) from SillyTavern or another chat app, or describe an idea in one line and let the loaded model draft the whole character."
            actions={
              <>
                {newButton}
                <ImportCardButton label="Import a card…" />
                <AiButton size="xs" onClick={openIdea}>
                  Create from idea
                </AiButton>
              </>
            }
          />
        )}
      </Box>
      <NameModal
        opened={dialog === 'new-item'}
        title="New NPC"
        label="Name"
        submitLabel="Create"
        onClose={closeDialog}
        onSubmit={async (name) => {
          await useNpcs.getState().create(name);
        }}
      />
      <IdeaModal opened={ideaOpen} onClose={() => setIdeaOpen(false)} />
    </Box>
  );
}
