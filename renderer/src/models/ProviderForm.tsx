import { Alert, Button, Group, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCloud, IconCpu } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProviderInfo } from '../../../preload/api';
import { api } from '../api/client';
import { useAsyncAction } from '../components/use-async-action';
import { useLlm } from '../stores/llm-store';
import { useSession } from '../stores/session-store';

/** Where generation runs: this machine's engine, or an OpenAI-compatible server (Ollama, LM Studio, llama-server, vLLM, a hosted API). */
export function ProviderForm() {
  const provider = useLlm((s) => s.status?.provider ?? null);
  if (!provider) return null;
  return <ProviderFields key={JSON.stringify(provider)} provider={provider} />;
}

function ProviderFields({ provider }: { provider: ProviderInfo }) {
  const remote = provider.kind === 'remote' ? provider : null;
  const [kind, setKind] = useState<ProviderInfo['kind']>(provider.kind);
  const [baseUrl, setBaseUrl] = useState(remote?.baseUrl ?? 'http://127.0.0.1:11434/v1');
  const [model, setModel] = useState(remote?.model ?? '');
  const [apiKey, setApiKey] = useState('');
  const { busy, error, run } = useAsyncAction();
  const sealed = useSession((s) => s.app?.secretsSealed ?? false);

  const save = () =>
    run(async () => {
      const input = kind === 'local' ? { kind } : { kind, baseUrl: baseUrl.trim(), model: model.trim(), ...(apiKey ? { apiKey } : {}) };
      await api.call('llm:provider:set', input);
      await useLlm.getState().refreshStatus();
      notifications.show({
        title: 'Provider saved',
        message: kind === 'local' ? 'Generation runs on this machine.' : `Generation runs on ${baseUrl}.`,
      });
    });

  return (
    <Paper withBorder radius="lg" p="md">
      <Stack gap="sm">
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as ProviderInfo['kind'])}
          data={[
            {
              value: 'local',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconCpu size={16} />
                  This machine
                </Group>
              ),
            },
            {
              value: 'remote',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconCloud size={16} />
                  OpenAI-compatible server
                </Group>
              ),
            },
          ]}
          aria-label="Provider"
        />
        {kind === 'local' ? (
          <Text size="sm" c="dimmed">
            The studio runs the model you load on the Installed tab. Nothing leaves this machine.
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              For a model that outgrows this machine: Ollama, LM Studio, llama-server, vLLM or a hosted API. Prompts are sent to that
              server.
            </Text>
            <TextInput
              label="Base URL"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.currentTarget.value)}
              classNames={{ input: 'lw-mono' }}
            />
            <TextInput label="Model" placeholder="llama3.1:8b" value={model} onChange={(e) => setModel(e.currentTarget.value)} />
            <PasswordInput
              label="API key"
              description={`${remote?.apiKeySet ? 'A key is saved; leave this empty to keep it.' : 'Leave empty for servers that need none.'} ${
                sealed
                  ? "It is sealed with this system's keychain."
                  : 'This system has no keychain, so the key is kept unencrypted in the settings file (readable by your user account only).'
              }`}
              value={apiKey}
              onChange={(e) => setApiKey(e.currentTarget.value)}
              autoComplete="off"
            />
          </>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={busy} disabled={kind === 'remote' && (!baseUrl.trim() || !model.trim())}>
            Use this provider
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
