import { Alert, ScrollArea, Stack, Title, Text, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useLlm } from '../stores/llm-store';
import { EngineCard } from './EngineCard';
import { ModelLibrary } from './ModelLibrary';
import { Playground } from './Playground';

/** Models: the engine, the local model library, and a playground to try the loaded model. */
export function ModelsSection() {
  const refresh = useLlm((s) => s.refresh);
  const error = useLlm((s) => s.error);
  const crash = useLlm((s) => s.status?.lastCrash ?? null);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <ScrollArea flex={1}>
      <Stack p="lg" gap="lg" maw={1100}>
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h3">
              Models
            </Title>
            <Text c="dimmed" size="sm">
              Local GGUF models that co-write with you. They run on this machine; nothing leaves it.
            </Text>
          </div>
        </Group>
        {error && (
          <Alert color="red" icon={<IconAlertTriangle />} title="The engine is not answering" role="alert">
            {error}
          </Alert>
        )}
        {crash && (
          <Alert color="orange" icon={<IconAlertTriangle />} title="The engine crashed and was restarted" role="alert">
            {crash.reason} ({new Date(crash.at).toLocaleTimeString()}). The studio kept running; load a model again to go on.
          </Alert>
        )}
        <EngineCard />
        <ModelLibrary />
        <Playground />
      </Stack>
    </ScrollArea>
  );
}
