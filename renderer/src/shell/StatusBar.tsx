import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCpu, IconLoader2 } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useLlm } from '../stores/llm-store';
import { useSession } from '../stores/session-store';
import { relativeTime } from '../util/relative-time';

/** Save state on the left, model state on the right. */
export function StatusBar() {
  const save = useSession((s) => s.save);
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
      <Group gap={6} wrap="nowrap" role="status" aria-label="Save state" data-save-state={save.status}>
        {save.status === 'unsaved' && (
          <Text size="xs" c="dimmed">
            Unsaved changes…
          </Text>
        )}
        {save.status === 'saving' && (
          <>
            <IconLoader2 size={14} />
            <Text size="xs">Saving…</Text>
          </>
        )}
        {save.status === 'saved' && (
          <>
            <IconCheck size={14} color="var(--mantine-color-teal-6)" />
            <Text size="xs" c="dimmed">
              All changes saved {save.at ? relativeTime(new Date(save.at).toISOString()) : ''}
            </Text>
          </>
        )}
        {save.status === 'error' && (
          <Tooltip label={save.message} multiline w={360}>
            <Group gap={6} wrap="nowrap">
              <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" />
              <Text size="xs" c="red" truncate maw={480}>
                Not saved: {save.message}
              </Text>
            </Group>
          </Tooltip>
        )}
        {save.status === 'idle' && (
          <Text size="xs" c="dimmed" truncate maw={480}>
            {project?.path}
          </Text>
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
