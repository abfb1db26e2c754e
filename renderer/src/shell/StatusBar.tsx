import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCpu, IconLoader2, IconPlugConnectedX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useOpenDocuments } from '../documents/window-documents';
import { useLlm } from '../stores/llm-store';
import { useSession } from '../stores/session-store';
import { relativeTime } from '../util/relative-time';
import { saveIndicator } from './save-indicator';

/** Save state on the left (Saved, Saving, Not saved and why, Offline), model state on the right. */
export function StatusBar() {
  const writes = useSession((s) => s.save);
  const connection = useSession((s) => s.connection);
  const documents = useOpenDocuments((s) => s.summary);
  const indicator = saveIndicator(connection, documents, writes);
  const project = useSession((s) => s.project);
  const setSection = useSession((s) => s.setSection);
  const model = useLlm((s) => s.status?.model ?? null);
  const backend = useLlm((s) => s.status?.backend ?? null);
  const [, tick] = useState(0);

  useEffect(() => {
    const timer = window.setInterval(() => tick((n) => n + 1), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  return (
    <Group h="100%" px="sm" justify="space-between" gap="md" wrap="nowrap" fz="xs">
      <Group gap={6} wrap="nowrap" role="status" aria-label="Save state" data-save-state={indicator.state}>
        {indicator.state === 'saving' && (
          <>
            <IconLoader2 size={14} />
            <Text size="xs">Saving…</Text>
          </>
        )}
        {indicator.state === 'saved' && (
          <>
            <IconCheck size={14} color="var(--mantine-color-teal-6)" />
            <Text size="xs" c="dimmed" truncate maw={480}>
              {indicator.at ? `Saved ${relativeTime(new Date(indicator.at).toISOString())}` : `Saved · ${project?.path ?? ''}`}
            </Text>
          </>
        )}
        {indicator.state === 'failed' && (
          <Tooltip label={indicator.reason} multiline w={360}>
            <Group gap={6} wrap="nowrap">
              <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" />
              <Text size="xs" c="red" truncate maw={480}>
                Not saved: {indicator.reason}
              </Text>
            </Group>
          </Tooltip>
        )}
        {indicator.state === 'offline' && (
          <Tooltip label="Your changes stay here and are sent when the studio is back." multiline w={320}>
            <Group gap={6} wrap="nowrap">
              <IconPlugConnectedX size={14} color="var(--mantine-color-orange-6)" />
              <Text size="xs" c="orange">
                Offline: reconnecting…
              </Text>
            </Group>
          </Tooltip>
        )}
      </Group>
      <UnstyledButton onClick={() => setSection('models')} aria-label="Model state">
        <Group gap={6} wrap="nowrap">
          <IconCpu size={14} />
          <Text size="xs" c="dimmed" data-testid="model-state">
            {model ? `${model.name} · ${backend?.toUpperCase() ?? 'CPU'}` : 'No model loaded'}
          </Text>
        </Group>
      </UnstyledButton>
    </Group>
  );
}
