import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCpu } from '@tabler/icons-react';
import { useLlm } from '../stores/llm-store';
import { formatMemory, formatSize } from './format-model';
import { unloadModel } from './unload-model';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** What the engine runs on and which model it holds. */
export function EngineCard() {
  const status = useLlm((s) => s.status);
  const model = status?.model ?? null;

  return (
    <Paper withBorder radius="lg" p="md" aria-label="Engine">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <IconCpu size={20} />
            <Text fw={600}>Engine</Text>
            <Badge variant="light" color={status?.engine === 'running' ? 'teal' : 'gray'}>
              {status ? status.engine : 'checking…'}
            </Badge>
            {status?.backend && (
              <Badge variant="outline" tt="uppercase">
                {status.backend}
              </Badge>
            )}
          </Group>
          {model && (
            <Button size="xs" variant="default" onClick={() => void unloadModel()}>
              Unload model
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
          <Fact label="Loaded model" value={model ? model.name : 'none'} />
          <Fact label="Context" value={model ? `${model.contextSize.toLocaleString()} tokens` : '—'} />
          <Fact label="GPU layers" value={model ? `${model.gpuLayers} of ${model.totalLayers}` : '—'} />
          <Fact label="Threads" value={String(model?.threads ?? status?.threads ?? '—')} />
          <Fact label="GPU" value={status?.gpuDevices.length ? status.gpuDevices.join(', ') : 'none (CPU)'} />
          <Fact label="VRAM" value={status?.gpuDevices.length ? formatMemory(status.vram) : '—'} />
          <Fact label="RAM" value={formatMemory(status?.ram ?? null)} />
          <Fact label="Last speed" value={status?.lastTokensPerSecond ? `${status.lastTokensPerSecond.toFixed(1)} tokens/s` : '—'} />
        </SimpleGrid>
        {model && (
          <Text size="xs" c="dimmed">
            {model.architecture} · {formatSize(model.sizeBytes)} · loaded in {(model.loadMs / 1000).toFixed(1)} s · chat format{' '}
            {model.chatWrapper}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
