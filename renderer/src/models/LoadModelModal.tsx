import { Modal, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ModelInfo } from '../../../preload/api';
import { useAsyncAction } from '../components/use-async-action';
import { useLlm } from '../stores/llm-store';
import { ModalActions } from '../components/ModalActions';

type Layers = 'auto' | 'max' | 'custom';

/** GPU layers, context size and threads for one load; the engine checks the fit first. */
export function LoadModelModal({ model, onClose }: { model: ModelInfo | null; onClose(): void }) {
  return (
    <Modal opened={model !== null} onClose={onClose} title={model ? `Load ${model.name}` : ''} centered>
      {model && <LoadForm model={model} onClose={onClose} />}
    </Modal>
  );
}

function LoadForm({ model, onClose }: { model: ModelInfo; onClose(): void }) {
  const defaultThreads = useLlm((s) => s.status?.threads ?? 1);
  const [layers, setLayers] = useState<Layers>('auto');
  const [customLayers, setCustomLayers] = useState<number>(0);
  const [contextAuto, setContextAuto] = useState(true);
  const [contextSize, setContextSize] = useState<number>(Math.min(model.contextLength ?? 4096, 4096));
  const [threads, setThreads] = useState<number>(defaultThreads);
  const { busy, error, run } = useAsyncAction();

  const submit = () =>
    run(async () => {
      await useLlm.getState().load(model.id, {
        gpuLayers: layers === 'custom' ? customLayers : layers,
        contextSize: contextAuto ? 'auto' : contextSize,
        threads,
      });
      onClose();
    });

  return (
    <Stack>
      <div>
        <Text size="sm" fw={500} mb={4}>
          GPU layers
        </Text>
        <SegmentedControl
          fullWidth
          value={layers}
          onChange={(v) => setLayers(v as Layers)}
          data={[
            { value: 'auto', label: 'Auto' },
            { value: 'max', label: 'All' },
            { value: 'custom', label: 'Custom' },
          ]}
        />
        {layers === 'custom' && (
          <NumberInput
            mt="xs"
            min={0}
            max={1024}
            value={customLayers}
            onChange={(v) => setCustomLayers(Number(v) || 0)}
            aria-label="Number of GPU layers"
          />
        )}
      </div>
      <div>
        <Text size="sm" fw={500} mb={4}>
          Context size
        </Text>
        <SegmentedControl
          fullWidth
          value={contextAuto ? 'auto' : 'custom'}
          onChange={(v) => setContextAuto(v === 'auto')}
          data={[
            { value: 'auto', label: 'Auto (what fits)' },
            { value: 'custom', label: 'Custom' },
          ]}
        />
        {!contextAuto && (
          <NumberInput
            mt="xs"
            min={64}
            max={model.contextLength ?? 1_048_576}
            step={512}
            value={contextSize}
            onChange={(v) => setContextSize(Number(v) || 64)}
            aria-label="Context size in tokens"
          />
        )}
      </div>
      <NumberInput label="Threads" min={1} max={256} value={threads} onChange={(v) => setThreads(Number(v) || 1)} />
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <ModalActions submitLabel="Load" onSubmit={() => void submit()} onCancel={onClose} busy={busy} />
    </Stack>
  );
}
