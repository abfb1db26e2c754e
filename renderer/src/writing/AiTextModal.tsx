import { Alert, Button, Group, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconPlayerStop, IconRefresh, IconSparkles } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { MethodInput } from '../../../preload/api';
import { useGeneration } from '../npcs/use-generation';

interface AiTextModalProps {
  opened: boolean;
  title: string;
  /** Choices made before generating (a rewrite's direction); without them generation starts at once. */
  options?: ReactNode;
  /** The request, built when Generate is pressed so it sees the options as they are then. */
  request(requestId: string): MethodInput<'llm:generate'>;
  /** Turns the model's raw text into what Accept takes (trimmed by default). */
  clean?(text: string): string;
  /** Shows the result another way (a list of names to pick from); plain text by default. */
  renderResult?(text: string, running: boolean): ReactNode;
  acceptLabel: string;
  onAccept(text: string): void;
  onClose(): void;
}

/** A model action shown as it is written: Stop cancels it, nothing in the document changes until Accept. */
export function AiTextModal({ opened, title, onClose, ...rest }: AiTextModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="lg" closeOnClickOutside={false}>
      <AiTextBody {...rest} onClose={onClose} />
    </Modal>
  );
}

function AiTextBody({
  options,
  request,
  clean = (t) => t.trim(),
  renderResult,
  acceptLabel,
  onAccept,
  onClose,
}: Omit<AiTextModalProps, 'opened' | 'title'>) {
  const generation = useGeneration('writing-ai');
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState(!options);
  const { run } = generation;

  const start = () => void run('llm:generate', request).catch((e: Error) => setError(e.message));
  const generate = () => {
    setError(null);
    setStarted(true);
    start();
  };

  useEffect(() => {
    if (!options) start();
    // Starts once when the modal opens without options; later runs come from the buttons.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const text = clean(generation.text);
  return (
    <Stack gap="sm" data-testid="ai-text" aria-busy={generation.running}>
      {options}
      {started && (
        <>
          {generation.running && (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                Writing…
              </Text>
            </Group>
          )}
          <Paper withBorder p="sm" radius="md" mih={60} style={{ whiteSpace: 'pre-wrap', fontSize: 14 }} aria-label="AI result">
            {text ? (
              renderResult ? (
                renderResult(text, generation.running)
              ) : (
                text
              )
            ) : (
              <Text span c="dimmed" size="sm">
                {generation.running ? 'Waiting for the model…' : 'The model wrote nothing; try again.'}
              </Text>
            )}
          </Paper>
        </>
      )}
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={16} />} title="The model could not do this">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          {generation.running ? 'Cancel' : 'Discard'}
        </Button>
        {generation.running ? (
          <Button color="red" variant="light" leftSection={<IconPlayerStop size={14} />} onClick={generation.stop}>
            Stop
          </Button>
        ) : (
          <Button variant="light" leftSection={started ? <IconRefresh size={14} /> : <IconSparkles size={14} />} onClick={generate}>
            {started ? 'Try again' : 'Generate'}
          </Button>
        )}
        <Button leftSection={<IconCheck size={14} />} disabled={generation.running || !text} onClick={() => onAccept(text)}>
          {acceptLabel}
        </Button>
      </Group>
    </Stack>
  );
}
