import { Alert, Badge, ScrollArea, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCloud, IconDownload, IconLibrary, IconSparkles } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useLlm } from '../stores/llm-store';
import { DownloadList } from './DownloadList';
import { EngineCard } from './EngineCard';
import { ModelCatalog } from './ModelCatalog';
import { ModelLibrary } from './ModelLibrary';
import { Playground } from './Playground';
import { ProviderForm } from './ProviderForm';

type Tab = 'installed' | 'get' | 'playground' | 'provider';

/** Models: the engine, the local model library, getting models, and a playground for the loaded one. */
export function ModelsSection() {
  const refresh = useLlm((s) => s.refresh);
  const error = useLlm((s) => s.error);
  // A crash leaves the engine without a model; once one is loaded again the notice has done its job.
  const crash = useLlm((s) => (s.status?.model ? null : (s.status?.lastCrash ?? null)));
  const installed = useLlm((s) => s.models?.length ?? null);
  const active = useLlm((s) => s.downloads.filter((d) => d.phase === 'downloading' || d.phase === 'starting').length);
  const [tab, setTab] = useState<Tab | null>(null);
  const shown: Tab = tab ?? (installed === 0 ? 'get' : 'installed');

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <ScrollArea flex={1}>
      <Stack p="lg" gap="lg" maw={1100}>
        <div>
          <Title order={2} size="h3">
            Models
          </Title>
          <Text c="dimmed" size="sm">
            Local GGUF models that co-write with you. They run on this machine; nothing leaves it.
          </Text>
        </div>
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
        <Tabs value={shown} onChange={(value) => setTab(value as Tab)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="installed" leftSection={<IconLibrary size={16} />}>
              Installed{installed ? ` (${installed})` : ''}
            </Tabs.Tab>
            <Tabs.Tab
              value="get"
              leftSection={<IconDownload size={16} />}
              rightSection={
                active ? (
                  <Badge size="xs" circle>
                    {active}
                  </Badge>
                ) : null
              }
            >
              Get models
            </Tabs.Tab>
            <Tabs.Tab value="playground" leftSection={<IconSparkles size={16} />}>
              Playground
            </Tabs.Tab>
            <Tabs.Tab value="provider" leftSection={<IconCloud size={16} />}>
              Provider
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="installed" pt="md">
            <ModelLibrary />
          </Tabs.Panel>
          <Tabs.Panel value="get" pt="md">
            <Stack gap="lg">
              <DownloadList />
              <ModelCatalog />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="playground" pt="md">
            <Playground />
          </Tabs.Panel>
          <Tabs.Panel value="provider" pt="md">
            <ProviderForm />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </ScrollArea>
  );
}
