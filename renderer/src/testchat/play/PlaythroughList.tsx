import { ActionIcon, Button, Group, ScrollArea, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { DialogueSummary } from '../../../../preload/contract/dialogues';
import type { PlaythroughSummary } from '../../../../preload/contract/testchat';
import { api } from '../../api/client';
import { confirmDanger } from '../../components/confirm-danger';
import { relativeTime } from '../../util/relative-time';
import { useTestChat } from '../testchat-store';
import listClasses from '../testchat.module.css';

/** The dialogue to play and its saved playthroughs, newest first. */
export function PlaythroughList() {
  const { dialogueId, playthroughId, changes } = useTestChat();
  const [dialogues, setDialogues] = useState<DialogueSummary[] | null>(null);
  const [playthroughs, setPlaythroughs] = useState<PlaythroughSummary[]>([]);

  useEffect(() => {
    api
      .call('dialogues:list', {})
      .then(setDialogues, (e: Error) => notifications.show({ color: 'red', title: 'Could not list the dialogues', message: e.message }));
  }, []);
  useEffect(() => {
    if (!dialogueId && dialogues?.length) useTestChat.getState().pickDialogue(dialogues[0].id);
  }, [dialogueId, dialogues]);

  const [listed, setListed] = useState(0);
  const reload = () => setListed((n) => n + 1);
  useEffect(() => {
    if (!dialogueId) return;
    let current = true;
    api.call('playthroughs:list', { dialogueId }).then(
      (list) => current && setPlaythroughs(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [dialogueId, playthroughId, listed, changes]);

  const play = async () => {
    if (!dialogueId) return;
    try {
      const view = await api.call('playthroughs:start', { dialogueId });
      useTestChat.getState().openPlaythrough(view.playthrough.id);
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not start the playthrough', message: (e as Error).message });
    }
  };

  return (
    <Stack gap={0} flex={1} mih={0}>
      <Stack px="sm" pb="xs" gap="xs">
        <Select
          size="xs"
          label="Dialogue"
          placeholder={dialogues?.length === 0 ? 'No dialogues yet: write one in Dialogues' : 'Choose a dialogue'}
          data={(dialogues ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={dialogueId}
          onChange={(value) => useTestChat.getState().pickDialogue(value)}
          searchable
          allowDeselect={false}
        />
        <Button size="xs" leftSection={<IconPlayerPlay size={14} />} onClick={play} disabled={!dialogueId}>
          Play from the start
        </Button>
      </Stack>
      <ScrollArea flex={1} type="auto">
        <Stack gap={2} px="xs" pb="sm" role="list" aria-label="Playthroughs">
          {dialogueId && playthroughs.length === 0 && (
            <Text size="xs" c="dimmed" p="sm">
              Not played yet. Each playthrough is saved with its transcript.
            </Text>
          )}
          {(dialogueId ? playthroughs : []).map((p) => (
            <Group
              key={p.id}
              role="listitem"
              gap={4}
              wrap="nowrap"
              className={listClasses.row}
              data-active={p.id === playthroughId || undefined}
            >
              <UnstyledButton flex={1} miw={0} p={6} onClick={() => useTestChat.getState().openPlaythrough(p.id)}>
                <Text size="sm" fw={500} truncate>
                  {p.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {relativeTime(p.updatedAt)}
                </Text>
              </UnstyledButton>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={`Delete ${p.title}`}
                onClick={() =>
                  confirmDanger({
                    title: 'Delete playthrough',
                    body: `Delete "${p.title}" and its transcript?`,
                    confirmLabel: 'Delete',
                    onConfirm: async () => {
                      await api.call('playthroughs:delete', { id: p.id });
                      if (useTestChat.getState().playthroughId === p.id) useTestChat.getState().openPlaythrough(null);
                      reload();
                    },
                  })
                }
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
