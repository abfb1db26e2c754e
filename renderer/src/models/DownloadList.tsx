import { ActionIcon, Button, Group, Paper, Progress, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlayerPause, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ModelDownload } from '../../../preload/api';
import { api } from '../api/client';
import { useLlm } from '../stores/llm-store';
import { formatSize } from './format-model';

const PHASE_LABEL: Record<ModelDownload['phase'], string> = {
  starting: 'Connecting…',
  downloading: 'Downloading',
  paused: 'Paused',
  verifying: 'Checking the file…',
  completed: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

function eta(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `${Math.ceil(seconds)} s left`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min left`;
  return `${(seconds / 3600).toFixed(1)} h left`;
}

async function act(action: 'models:pauseDownload' | 'models:resumeDownload' | 'models:cancelDownload', id: string) {
  try {
    useLlm.getState().downloadChanged(await api.call(action, { id }));
  } catch (e) {
    notifications.show({ color: 'red', title: 'Download', message: (e as Error).message });
  }
}

/** Downloads with progress, speed and time left; pause, resume, cancel. */
export function DownloadList() {
  const downloads = useLlm((s) => s.downloads);

  return (
    <Stack gap="xs">
      <Title order={3} size="h5" c="dimmed" tt="uppercase" fw={600}>
        Downloads
      </Title>
      {downloads.length > 0 && (
        <Paper withBorder radius="lg" role="list" aria-label="Downloads">
          {downloads.map((d, index) => {
            const percent = d.totalBytes ? Math.min(100, (d.downloadedBytes / d.totalBytes) * 100) : 0;
            const active = d.phase === 'starting' || d.phase === 'downloading' || d.phase === 'verifying';
            return (
              <Stack
                key={d.id}
                gap={6}
                p="sm"
                px="md"
                role="listitem"
                aria-label={`Download ${d.fileName}`}
                data-phase={d.phase}
                style={{ borderTop: index ? '1px solid var(--mantine-color-default-border)' : undefined }}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={550} truncate>
                    {d.fileName}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    {d.phase === 'downloading' && (
                      <Tooltip label="Pause">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Pause ${d.fileName}`}
                          onClick={() => void act('models:pauseDownload', d.id)}
                        >
                          <IconPlayerPause size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    {(d.phase === 'paused' || d.phase === 'failed') && (
                      <Tooltip label="Resume">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Resume ${d.fileName}`}
                          onClick={() => void act('models:resumeDownload', d.id)}
                        >
                          <IconPlayerPlay size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    {(active || d.phase === 'paused' || d.phase === 'failed') && (
                      <Tooltip label="Cancel and delete the partial file">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Cancel ${d.fileName}`}
                          onClick={() => void act('models:cancelDownload', d.id)}
                        >
                          <IconX size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Group>
                {d.phase !== 'completed' && d.phase !== 'cancelled' && (
                  <Progress
                    value={d.phase === 'verifying' ? 100 : percent}
                    animated={active}
                    color={d.phase === 'failed' ? 'red' : d.phase === 'paused' ? 'gray' : undefined}
                    aria-label={`${d.fileName} progress`}
                  />
                )}
                <Text size="xs" c={d.phase === 'failed' ? 'red' : 'dimmed'}>
                  {d.phase === 'failed' && d.error
                    ? d.error
                    : [
                        PHASE_LABEL[d.phase],
                        d.totalBytes ? `${formatSize(d.downloadedBytes)} of ${formatSize(d.totalBytes)}` : null,
                        d.phase === 'downloading' && d.bytesPerSecond ? `${formatSize(d.bytesPerSecond)}/s` : null,
                        d.phase === 'downloading' ? eta(d.etaSeconds) : null,
                        d.phase === 'completed' && d.modelId ? `added as ${d.modelId}` : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                </Text>
              </Stack>
            );
          })}
        </Paper>
      )}
      <DownloadByAddress />
    </Stack>
  );
}

function DownloadByAddress() {
  const [uri, setUri] = useState('');
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setError(null);
    try {
      useLlm.getState().downloadChanged(await api.call('models:download', { uri: uri.trim() }));
      setUri('');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <TextInput
        flex={1}
        placeholder="https://…/model.gguf or hf:user/repo/file.gguf"
        aria-label="Address of a GGUF model to download"
        value={uri}
        onChange={(e) => setUri(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && uri.trim() && void start()}
        error={error}
        classNames={{ input: 'lw-mono' }}
      />
      <Button
        variant="light"
        leftSection={<IconDownload size={16} />}
        onClick={() => void start()}
        disabled={!uri.trim()}
        aria-label="Download from this address"
      >
        Download
      </Button>
    </Group>
  );
}
