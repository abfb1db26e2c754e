import { Button, Group, NumberInput, Paper, Stack, Switch, Text, Textarea } from '@mantine/core';
import { IconPlayerStop, IconSparkles } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { GenerateOutput } from '../../../preload/api';
import { api } from '../api/client';
import { newRequestId } from '../api/request-id';
import { useLlm } from '../stores/llm-store';
import { STOP_REASON_TEXT } from '../util/stop-reason-text';

/** Try the loaded model: the output streams in, Stop cancels, and the speed is shown. */
export function Playground() {
  const model = useLlm((s) => s.status?.model ?? null);
  const [prompt, setPrompt] = useState('Once upon a time');
  const [raw, setRaw] = useState(true);
  const [maxTokens, setMaxTokens] = useState(128);
  const [temperature, setTemperature] = useState(0.7);
  const [output, setOutput] = useState('');
  const [running, setRunning] = useState<string | null>(null);
  const [result, setResult] = useState<GenerateOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const requestRef = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('llm:chunk', ({ requestId, text }) => {
        if (requestId === requestRef.current) setOutput((o) => o + text);
      }),
    [],
  );

  const generate = async () => {
    const requestId = newRequestId('playground');
    requestRef.current = requestId;
    setRunning(requestId);
    setOutput('');
    setResult(null);
    setError(null);
    try {
      const done = await api.call('llm:generate', { requestId, prompt, raw, maxTokens, temperature });
      setResult(done);
      setOutput(done.text);
      void useLlm.getState().refreshStatus();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(null);
    }
  };

  const stop = () => {
    if (running) void api.call('llm:cancel', { requestId: running });
  };

  return (
    <Stack gap="xs">
      <Paper withBorder radius="lg" p="md">
        {!model ? (
          <Text size="sm" c="dimmed">
            Load a model above to try it here.
          </Text>
        ) : (
          <Stack gap="sm">
            <Textarea label="Prompt" value={prompt} onChange={(e) => setPrompt(e.currentTarget.value)} autosize minRows={2} maxRows={8} />
            <Group gap="md" align="flex-end">
              <NumberInput label="Max tokens" min={1} max={4096} w={120} value={maxTokens} onChange={(v) => setMaxTokens(Number(v) || 1)} />
              <NumberInput
                label="Temperature"
                min={0}
                max={2}
                step={0.1}
                decimalScale={2}
                w={120}
                value={temperature}
                onChange={(v) => setTemperature(Number(v) || 0)}
              />
              <Switch
                label="Plain continuation (no chat template)"
                checked={raw}
                onChange={(e) => setRaw(e.currentTarget.checked)}
                mb={8}
              />
              <Group gap="xs" ml="auto">
                {running ? (
                  <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} onClick={stop}>
                    Stop
                  </Button>
                ) : (
                  <Button leftSection={<IconSparkles size={16} />} onClick={() => void generate()} disabled={!prompt.trim()}>
                    Generate
                  </Button>
                )}
              </Group>
            </Group>
            <Paper
              withBorder
              p="sm"
              radius="md"
              mih={96}
              bg="var(--mantine-color-default)"
              aria-label="Playground output"
              aria-busy={running !== null}
              style={{ whiteSpace: 'pre-wrap' }}
            >
              {raw && output ? (
                <>
                  <Text span c="dimmed">
                    {prompt}
                  </Text>
                  {output}
                </>
              ) : (
                output || (
                  <Text span c="dimmed" size="sm">
                    {running ? 'Waiting for the first token…' : 'The output appears here as it is written.'}
                  </Text>
                )
              )}
            </Paper>
            {error && (
              <Text c="red" size="sm" role="alert">
                {error}
              </Text>
            )}
            {result && (
              <Text size="xs" c="dimmed" data-testid="playground-stats">
                {result.tokens} tokens · {result.timings.tokensPerSecond.toFixed(1)} tokens/s · first token{' '}
                {result.timings.firstTokenMs === null ? '—' : `${Math.round(result.timings.firstTokenMs)} ms`} ·{' '}
                {STOP_REASON_TEXT[result.stopReason]}
              </Text>
            )}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
