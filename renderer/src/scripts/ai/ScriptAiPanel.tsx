import { ActionIcon, Button, Code, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconPlayerStop, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { SCRIPT_LANGUAGE_LABELS } from '../../../../main/domain/script';
import { useGeneration } from '../../npcs/use-generation';
import { JOB_TITLES, type ScriptAiJob } from './script-ai-job';
import { codeOfAnswer, convertPrompt, explainPrompt, functionFromCommentPrompt } from './script-prompts';

interface ScriptAiPanelProps {
  job: ScriptAiJob;
  /** Applies the finished code (insert or replace as one undo step). */
  onApply(code: string): void;
  onClose(): void;
}

const requestOf = (job: ScriptAiJob) =>
  job.kind === 'explain'
    ? explainPrompt(job.language, job.code)
    : job.kind === 'function'
      ? functionFromCommentPrompt(job.language, job.comment, job.context)
      : convertPrompt(job.from, job.to, job.code);

const titleOf = (job: ScriptAiJob) => (job.kind === 'convert' ? `Convert to ${SCRIPT_LANGUAGE_LABELS[job.to]}` : JOB_TITLES[job.kind]);

/**
 * The side panel of one AI request: the answer streams in; code answers are a preview
 * that changes nothing until Insert or Replace. Closing it stops the generation.
 */
export function ScriptAiPanel({ job, onApply, onClose }: ScriptAiPanelProps) {
  const generation = useGeneration('script-ai');
  const [error, setError] = useState<string | null>(null);
  const [finished, setFinished] = useState(false);
  const { run } = generation;

  useEffect(() => {
    run('llm:generate', (requestId) => ({ requestId, ...requestOf(job), temperature: 0.3 }))
      .then(() => setFinished(true))
      .catch((e: Error) => setError(e.message));
    // One panel per job: a new request mounts a new panel.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const isCode = job.kind !== 'explain';
  const text = isCode ? codeOfAnswer(generation.text) : generation.text.trim();
  return (
    <Stack
      gap="xs"
      p="sm"
      w={360}
      data-testid="script-ai-panel"
      data-phase={error ? 'error' : finished ? 'ready' : 'running'}
      style={{ borderLeft: '1px solid var(--mantine-color-default-border)', minHeight: 0 }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Title order={3} size="h6">
          {titleOf(job)}
        </Title>
        <ActionIcon variant="subtle" color="gray" aria-label="Close AI panel" onClick={onClose}>
          <IconX size={16} />
        </ActionIcon>
      </Group>
      <ScrollArea flex={1} type="auto">
        {text ? (
          isCode ? (
            <Code block aria-label="AI answer" fz={12} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {text}
            </Code>
          ) : (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} aria-label="AI answer">
              {text}
            </Text>
          )
        ) : (
          <Text size="sm" c={error ? 'red' : 'dimmed'}>
            {error ?? (generation.running ? 'Waiting for the first words…' : 'The model wrote nothing.')}
          </Text>
        )}
      </ScrollArea>
      <Group gap="xs">
        {generation.running ? (
          <Button size="xs" variant="default" leftSection={<IconPlayerStop size={14} />} onClick={generation.stop}>
            Stop
          </Button>
        ) : (
          isCode && (
            <Button size="xs" leftSection={<IconCheck size={14} />} disabled={!text} onClick={() => onApply(text)}>
              {job.kind === 'convert' ? 'Replace' : 'Insert'}
            </Button>
          )
        )}
        <Button size="xs" variant="subtle" color="gray" onClick={onClose}>
          {isCode && !generation.running ? 'Discard' : 'Close'}
        </Button>
      </Group>
      {isCode && (
        <Text size="xs" c="dimmed">
          {job.kind === 'convert' && job.wholeFile
            ? `Replaces the whole file and makes it ${SCRIPT_LANGUAGE_LABELS[job.to]}; one undo (Ctrl+Z) brings the old code back.`
            : 'One undo (Ctrl+Z) takes it back out.'}
        </Text>
      )}
    </Stack>
  );
}
