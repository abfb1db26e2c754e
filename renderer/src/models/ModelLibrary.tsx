import { ActionIcon, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPlayerEject, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ModelInfo } from '../../../preload/api';
import { confirmDanger } from '../components/confirm-danger';
import { useAsyncAction } from '../components/use-async-action';
import { useLlm } from '../stores/llm-store';
import { formatParams, formatSize } from './format-model';
import { LoadModelModal } from './LoadModelModal';
import { ModelsFolder } from './ModelsFolder';
import { unloadModel } from './unload-model';

/** The models folder: what each GGUF is, load (or unload) or remove it, import another by path. */
export function ModelLibrary() {
  const models = useLlm((s) => s.models);
  const loadedPath = useLlm((s) => s.status?.model?.path ?? null);
  const loading = useLlm((s) => s.loading);
  const [toLoad, setToLoad] = useState<ModelInfo | null>(null);

  return (
    <Stack gap="xs">
      <Paper withBorder radius="lg" role="list" aria-label="Installed models">
        {models?.length === 0 && (
          <Text p="md" c="dimmed" size="sm">
            No models yet. Download one from Get models, or import a .gguf file below.
          </Text>
        )}
        {models?.map((model, index) => (
          <Group
            key={model.id}
            justify="space-between"
            wrap="nowrap"
            p="sm"
            px="md"
            role="listitem"
            aria-label={model.name}
            style={{ borderTop: index ? '1px solid var(--mantine-color-default-border)' : undefined }}
          >
            <div style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Text fw={550} truncate>
                  {model.name}
                </Text>
                {model.path === loadedPath && (
                  <Badge color="teal" variant="light" size="sm">
                    loaded
                  </Badge>
                )}
                {model.problem && (
                  <Tooltip label={model.problem} multiline w={320}>
                    <Badge color="red" variant="light" size="sm">
                      unusable
                    </Badge>
                  </Tooltip>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {[
                  model.architecture,
                  formatParams(model.parameterCount),
                  model.quantization,
                  model.contextLength ? `${model.contextLength.toLocaleString()} ctx` : null,
                  formatSize(model.sizeBytes),
                  model.id,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </div>
            <Group gap={4} wrap="nowrap">
              {model.path === loadedPath ? (
                <Button size="xs" variant="default" leftSection={<IconPlayerEject size={14} />} onClick={() => void unloadModel()}>
                  Unload
                </Button>
              ) : (
                <Button
                  size="xs"
                  leftSection={<IconPlayerPlay size={14} />}
                  disabled={Boolean(model.problem) || loading !== null}
                  loading={loading === model.id}
                  onClick={() => setToLoad(model)}
                >
                  Load
                </Button>
              )}
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove ${model.name}`}
                onClick={() =>
                  confirmDanger({
                    title: `Remove ${model.name}?`,
                    body: `The file ${model.id} is deleted from the models folder.`,
                    confirmLabel: 'Remove',
                    onConfirm: async () => {
                      try {
                        await useLlm.getState().remove(model.id);
                      } catch (e) {
                        notifications.show({ color: 'red', title: 'Could not remove it', message: (e as Error).message });
                      }
                    },
                  })
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Group>
        ))}
      </Paper>
      <ImportForm />
      <ModelsFolder />
      <LoadModelModal model={toLoad} onClose={() => setToLoad(null)} />
    </Stack>
  );
}

function ImportForm() {
  const [path, setPath] = useState('');
  const [mode, setMode] = useState<'copy' | 'link'>('copy');
  const { busy, error, run } = useAsyncAction();

  const submit = () =>
    run(async () => {
      const model = await useLlm.getState().importFile(path.trim(), mode);
      notifications.show({ title: 'Model added', message: `${model.name} is in the library.` });
      setPath('');
    });

  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <TextInput
        flex={1}
        placeholder="/path/to/model.gguf on the machine that runs the studio"
        aria-label="Path of a GGUF file to import"
        value={path}
        onChange={(e) => setPath(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && path.trim() && void submit()}
        error={error}
        classNames={{ input: 'lw-mono' }}
      />
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v as 'copy' | 'link')}
        data={[
          { value: 'copy', label: 'Copy' },
          { value: 'link', label: 'Link' },
        ]}
        aria-label="Import mode"
      />
      <Button leftSection={<IconFileImport size={16} />} onClick={() => void submit()} loading={busy} disabled={!path.trim()}>
        Import
      </Button>
    </Group>
  );
}
