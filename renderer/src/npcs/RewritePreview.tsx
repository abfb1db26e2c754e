import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconPlayerStop, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { NpcPersona } from '../../../main/domain/npc';
import type { NpcTextField } from './npc-fields';
import { rewriteRequest } from './npc-prompts';
import { useGeneration } from './use-generation';

interface RewritePreviewProps {
  persona: NpcPersona;
  field: NpcTextField;
  onAccept(text: string): void;
  onClose(): void;
}

/** Streams the model's in-character rewrite of one field; nothing changes until Accept. */
export function RewritePreview({ persona, field, onAccept, onClose }: RewritePreviewProps) {
  const generation = useGeneration('rewrite');
  const [error, setError] = useState<string | null>(null);
  const [started] = useState(() => persona);
  const { run } = generation;

  useEffect(() => {
    run('llm:generate', (requestId) => rewriteRequest(started, field, requestId)).catch((e: Error) => setError(e.message));
    // Runs once per preview: a new rewrite mounts a new preview.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const text = generation.text.trim();
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default)">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          Rewritten in character{generation.running ? '…' : ''}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} aria-label="Rewrite preview" aria-busy={generation.running}>
          {text || (
            <Text span c="dimmed" size="sm">
              {generation.running ? 'Waiting for the first words…' : 'The model wrote nothing.'}
            </Text>
          )}
        </Text>
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group gap="xs" justify="flex-end">
          {generation.running ? (
            <Button size="compact-sm" color="red" variant="light" leftSection={<IconPlayerStop size={14} />} onClick={generation.stop}>
              Stop
            </Button>
          ) : (
            <Button size="compact-sm" leftSection={<IconCheck size={14} />} disabled={!text} onClick={() => onAccept(text)}>
              Accept
            </Button>
          )}
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconX size={14} />}
            onClick={onClose}
            disabled={generation.running}
          >
            Discard
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
