import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import type { CatalogModel } from '../../../preload/api';
import { api } from '../api/client';
import { useLlm } from '../stores/llm-store';
import { formatSize } from './format-model';

const FIT: Record<CatalogModel['fit'], { label: string; color: string }> = {
  fits: { label: 'Fits this machine', color: 'teal' },
  tight: { label: 'Tight fit', color: 'yellow' },
  'too-big': { label: 'Too big for this machine', color: 'red' },
};

/** Recommended models, small and fast to large and good, with what fits this machine. */
export function ModelCatalog() {
  const catalog = useLlm((s) => s.catalog);
  const downloads = useLlm((s) => s.downloads);

  const download = async (model: CatalogModel) => {
    try {
      useLlm.getState().downloadChanged(await api.call('models:download', { catalogId: model.id }));
    } catch (e) {
      notifications.show({ color: 'red', title: `Could not download ${model.name}`, message: (e as Error).message });
    }
  };

  if (!catalog) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" c="dimmed" tt="uppercase" fw={600}>
        Recommended
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {catalog.map((model) => {
          const busy = downloads.some(
            (d) => d.catalogId === model.id && ['starting', 'downloading', 'verifying', 'paused'].includes(d.phase),
          );
          return (
            <Card key={model.id} withBorder radius="lg" padding="md" aria-label={model.name}>
              <Stack gap={6} h="100%">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Text fw={600}>{model.name}</Text>
                  <Badge size="sm" variant="light" color={FIT[model.fit].color} style={{ flex: 'none' }}>
                    {FIT[model.fit].label}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed" flex={1}>
                  {model.summary}
                </Text>
                <Text size="xs" c="dimmed">
                  {model.parameters} · {model.quantization} · {formatSize(model.sizeBytes)} · {model.license}
                </Text>
                <Group justify="flex-end">
                  {model.installed ? (
                    <Badge variant="outline" color="teal">
                      Installed
                    </Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconDownload size={14} />}
                      disabled={busy}
                      onClick={() => void download(model)}
                    >
                      {busy ? 'Downloading' : 'Download'}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
