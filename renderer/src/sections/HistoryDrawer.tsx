import {
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
  type DrawerProps,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import type { ContentItem, RevisionSummary } from '../../../preload/api';
import { api } from '../api/client';
import { TextDiffView } from '../components/TextDiffView';
import { useSession } from '../stores/session-store';
import { fullTime, relativeTime } from '../util/relative-time';

const OP_LABEL: Record<RevisionSummary['op'], string> = {
  create: 'Created',
  save: 'Edited',
  rename: 'Renamed',
  restore: 'Restored',
  delete: 'Deleted',
};

interface HistoryDrawerProps {
  id: string;
  opened: boolean;
  currentRevision: number;
  onClose(): void;
  onRestored(item: ContentItem): void;
  /** What a revision says, in words; an item's notes unless its kind has other fields. */
  describe?(item: ContentItem): string;
  /** How an earlier revision differs from the current item; a line diff of `describe` unless the kind has a better view. */
  compare?(older: ContentItem, current: ContentItem): ReactNode;
  size?: DrawerProps['size'];
}

const notesOf = (item: ContentItem) => (typeof item.data.notes === 'string' ? item.data.notes : '');

/** Every saved revision of an item; preview one and restore it as a new revision. */
export function HistoryDrawer({ opened, onClose, size = 'md', ...rest }: HistoryDrawerProps) {
  return (
    <Drawer opened={opened} onClose={onClose} title="History" position="right" size={size}>
      <RevisionBrowser {...rest} onClose={onClose} />
    </Drawer>
  );
}

/** Mounted each time the drawer opens, so it shows the history as it is now. */
function RevisionBrowser({
  id,
  currentRevision,
  onClose,
  onRestored,
  describe = notesOf,
  compare,
}: Omit<HistoryDrawerProps, 'opened' | 'size'>) {
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [preview, setPreview] = useState<ContentItem | null>(null);
  const [current, setCurrent] = useState<ContentItem | null>(null);
  const [view, setView] = useState<'changes' | 'text'>('changes');
  const trackSave = useSession((s) => s.trackSave);

  useEffect(() => {
    api
      .call('content:history', { id })
      .then(setRevisions, (e: Error) => notifications.show({ color: 'red', title: 'Could not load the history', message: e.message }));
    api.call('content:get', { id }).then(setCurrent, () => setCurrent(null));
  }, [id, currentRevision]);

  /** Changes are shown against the current item, for any other revision. */
  const showChanges = (item: ContentItem) => item.revision !== currentRevision && current !== null;

  const show = async (revision: number) => setPreview(await api.call('content:revision', { id, revision }));

  const restore = async () => {
    if (!preview) return;
    const restored = await trackSave(api.call('content:restore', { id, revision: preview.revision }));
    notifications.show({ title: 'Restored', message: `Revision ${preview.revision} is the current version again.` });
    onRestored(restored);
    onClose();
  };

  return (
    <Stack gap="sm">
      <ScrollArea.Autosize mah={320}>
        <Stack gap={2}>
          {revisions.map((r) => (
            <UnstyledButton
              key={r.revision}
              onClick={() => void show(r.revision)}
              p="xs"
              style={{
                borderRadius: 'var(--mantine-radius-sm)',
                background: preview?.revision === r.revision ? 'var(--mantine-color-default-hover)' : undefined,
              }}
            >
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light" size="sm" color={r.revision === currentRevision ? 'violet' : 'gray'}>
                    {r.revision}
                  </Badge>
                  <Text size="sm">{OP_LABEL[r.op]}</Text>
                </Group>
                <Text size="xs" c="dimmed" title={fullTime(r.createdAt)}>
                  {relativeTime(r.createdAt)}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </ScrollArea.Autosize>
      {preview && (
        <Paper withBorder p="sm" radius="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>{preview.name}</Text>
              {showChanges(preview) && (
                <SegmentedControl
                  size="xs"
                  aria-label="Show"
                  value={view}
                  onChange={(v) => setView(v as 'changes' | 'text')}
                  data={[
                    { value: 'changes', label: 'Changes' },
                    { value: 'text', label: 'This version' },
                  ]}
                />
              )}
            </Group>
            {showChanges(preview) && view === 'changes' && current ? (
              (compare?.(preview, current) ?? <TextDiffView before={describe(preview)} after={describe(current)} />)
            ) : (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={describe(preview) ? undefined : 'dimmed'} lineClamp={12}>
                {describe(preview) || 'Nothing written in this revision.'}
              </Text>
            )}
            <Button onClick={() => void restore()} disabled={preview.revision === currentRevision} w="fit-content">
              {preview.revision === currentRevision ? 'This is the current version' : `Restore revision ${preview.revision}`}
            </Button>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
