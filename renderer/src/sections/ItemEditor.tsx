import { ActionIcon, Button, Group, Loader, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHistory, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { ContentItem } from '../../../preload/api';
import { CONTENT_KIND_LABELS, type ContentKind } from '../../../main/domain/content-kinds';
import { api, ApiError } from '../api/client';
import { confirmDanger } from '../components/confirm-danger';
import { useContent } from '../stores/content-store';
import { useSession } from '../stores/session-store';
import { HistoryDrawer } from './HistoryDrawer';
import { useAutosave } from './use-autosave';

interface Draft {
  name: string;
  notes: string;
}

const draftOf = (item: ContentItem): Draft => ({
  name: item.name,
  notes: typeof item.data.notes === 'string' ? item.data.notes : '',
});

/** Name and notes of one item, saved as the creator types, with its revision history. */
export function ItemEditor({ id, kind }: { id: string; kind: ContentKind }) {
  const [item, setItem] = useState<ContentItem | null>(null);
  const [draft, setDraft] = useState<Draft>({ name: '', notes: '' });
  const [dirty, setDirty] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const revision = useRef(0);
  const trackSave = useSession((s) => s.trackSave);
  const label = CONTENT_KIND_LABELS[kind].one;

  useEffect(() => {
    api.call('content:get', { id }).then(
      (loaded) => {
        revision.current = loaded.revision;
        setItem(loaded);
        setDraft(draftOf(loaded));
        setDirty(false);
      },
      (e: Error) => notifications.show({ color: 'red', title: `Could not open this ${label}`, message: e.message }),
    );
  }, [id, label]);

  const save = async (value: Draft) => {
    if (!item) return;
    const name = value.name.trim() || item.name;
    setDirty(false);
    try {
      const saved = await trackSave(
        api.call('content:save', { id, name, data: { ...item.data, notes: value.notes }, baseRevision: revision.current }),
      );
      revision.current = saved.revision;
      setItem(saved);
      if (saved.name !== item.name) void useContent.getState().load(kind);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        notifications.show({
          color: 'orange',
          title: 'Changed somewhere else',
          message: 'This item was saved from another window. Your text is still here; reload to see theirs.',
        });
      }
      setDirty(true);
    }
  };

  useAutosave(draft, dirty, save);

  if (!item) {
    return (
      <Group p="xl">
        <Loader size="sm" />
      </Group>
    );
  }

  const edit = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setDirty(true);
    useSession.getState().markUnsaved();
  };

  return (
    <Stack p="lg" gap="md" maw={880}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <TextInput
          aria-label={`${label} name`}
          value={draft.name}
          onChange={(e) => edit({ name: e.currentTarget.value })}
          variant="unstyled"
          size="xl"
          styles={{ input: { fontWeight: 650, fontSize: 26 } }}
          flex={1}
          maxLength={120}
        />
        <Group gap={4} wrap="nowrap">
          <Button variant="subtle" color="gray" leftSection={<IconHistory size={16} />} onClick={() => setHistoryOpen(true)}>
            History
          </Button>
          <Tooltip label={`Delete this ${label}`}>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Delete ${item.name}`}
              onClick={() =>
                confirmDanger({
                  title: `Delete “${item.name}”?`,
                  body: 'It disappears from the project; its history stays in the project file.',
                  confirmLabel: 'Delete',
                  onConfirm: () => useContent.getState().remove(kind, id),
                })
              }
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Textarea
        label="Notes"
        description="Ideas, references and reminders; searchable from the command palette."
        value={draft.notes}
        onChange={(e) => edit({ notes: e.currentTarget.value })}
        autosize
        minRows={8}
        maxRows={30}
      />
      <Text size="xs" c="dimmed">
        Revision {item.revision} · created {new Date(item.createdAt).toLocaleString()}
      </Text>
      <HistoryDrawer
        id={id}
        opened={historyOpen}
        currentRevision={item.revision}
        onClose={() => setHistoryOpen(false)}
        onRestored={(restored) => {
          revision.current = restored.revision;
          setItem(restored);
          setDraft(draftOf(restored));
          setDirty(false);
          void useContent.getState().load(kind);
        }}
      />
    </Stack>
  );
}
