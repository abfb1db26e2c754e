import { Button, Group, Modal, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { IconPlayerStop, IconSparkles } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { MethodInput } from '../../../../preload/api';
import { useGeneration } from '../../npcs/use-generation';
import { ModalActions } from '../../components/ModalActions';

interface AiJsonModalProps<T> {
  title: string;
  /** Fields to fill before generating (a premise); without them the generation starts when the modal opens. */
  input?: ReactNode;
  canStart?: boolean;
  startLabel?: string;
  request(requestId: string): MethodInput<'llm:generateJson'>;
  /** Turns the model's JSON into something the preview and `onAccept` can use; throws with a message when it cannot. */
  parse(value: unknown): T;
  preview(value: T, change: (value: T) => void): ReactNode;
  acceptLabel: string;
  onAccept(value: T): void | Promise<void>;
  onClose(): void;
}

/**
 * A model action that returns structured content: generate (schema-constrained, streamed,
 * cancellable), preview and edit the result, then accept it or discard it. Nothing changes
 * in the project until the creator accepts.
 */
export function AiJsonModal<T>(props: AiJsonModalProps<T>) {
  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg" centered scrollAreaComponent={ScrollArea.Autosize}>
      <AiJsonFlow {...props} />
    </Modal>
  );
}

function AiJsonFlow<T>({
  input,
  canStart = true,
  startLabel = 'Generate',
  request,
  parse,
  preview,
  acceptLabel,
  onAccept,
  onClose,
}: AiJsonModalProps<T>) {
  const generation = useGeneration('quest-ai');
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const started = useRef(false);

  const generate = async () => {
    setError(null);
    try {
      const output = await generation.run('llm:generateJson', request);
      if (output.stopReason !== 'cancelled') setResult(parse(output.value));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useEffect(() => {
    if (input === undefined && !started.current) {
      started.current = true;
      void generate();
    }
    // Starts once, when the modal opens without an input step.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const accept = async () => {
    if (result === null) return;
    setSaving(true);
    try {
      await onAccept(result);
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  };

  const errorText = error && (
    <Text size="sm" c="red" role="alert">
      {error}
    </Text>
  );

  if (result !== null) {
    return (
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Here is the suggestion. Change anything, then accept it, or discard it.
        </Text>
        {preview(result, setResult)}
        {errorText}
        <ModalActions
          submitLabel={acceptLabel}
          onSubmit={() => void accept()}
          cancelLabel="Discard"
          onCancel={() => (input === undefined ? onClose() : setResult(null))}
          busy={saving}
        />
      </Stack>
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void generate();
      }}
    >
      <Stack gap="md">
        {input}
        {generation.running && (
          <Stack gap={4}>
            <Progress value={100} animated striped size="sm" aria-label="Generating" />
            <Text size="xs" c="dimmed" aria-live="polite">
              Writing… {generation.text.length.toLocaleString()} characters so far
            </Text>
          </Stack>
        )}
        {errorText}
        <Group justify="flex-end">
          {generation.running ? (
            <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} onClick={generation.stop}>
              Cancel
            </Button>
          ) : (
            <Button type="submit" leftSection={<IconSparkles size={16} />} disabled={!canStart}>
              {input === undefined ? 'Try again' : startLabel}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
