import { ActionIcon, Alert, Box, Button, Group, Menu, ScrollArea, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlayerStop, IconRefresh, IconSend } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dialogue } from '../../../../main/domain/dialogue/dialogue-schema';
import type { PlaythroughView } from '../../../../preload/contract/testchat';
import { api } from '../../api/client';
import { useAiAvailable } from '../../components/use-ai-available';
import classes from '../testchat.module.css';
import { useTestChat } from '../testchat-store';
import { useStream } from '../use-stream';
import { PaneHeader } from '../PaneHeader';
import { PlaythroughInspector } from './PlaythroughInspector';
import { PlaythroughLog } from './PlaythroughLog';
import { StepView } from './StepView';

/** One playthrough: the transcript so far, what the player faces now, typed input, and the state inspector. */
export function PlaythroughPane({ id }: { id: string }) {
  const [view, setView] = useState<PlaythroughView | null>(null);
  const [dialogue, setDialogue] = useState<Dialogue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState('');
  const [showClosed, setShowClosed] = useState(false);
  const [inspectorOpen, setInspectorOpen] = useState(true);
  const stream = useStream('play');
  const { run } = stream;
  const viewport = useRef<HTMLDivElement>(null);
  const aiAvailable = useAiAvailable();

  /** Shows a view; an AI line on screen improvises at once (the authored fallback when no model is loaded). */
  const present = useCallback(
    async (next: PlaythroughView) => {
      setView(next);
      useTestChat.getState().changed();
      if (next.step.type !== 'aiLine' || next.improvised) return;
      setView(await run((requestId) => api.call('playthroughs:improvise', { id, requestId, temperature: 0.8 })));
    },
    [id, run],
  );

  useEffect(() => {
    api
      .call('playthroughs:get', { id })
      .then(async (value) => {
        setDialogue((await api.call('dialogues:get', { id: value.playthrough.dialogueId })).dialogue);
        setBusy(true);
        await present(value).finally(() => setBusy(false));
      })
      .catch((e: Error) => setError(e.message));
  }, [id, present]);

  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [view, stream.text]);

  const act = async (call: (requestId: string) => Promise<PlaythroughView>) => {
    setBusy(true);
    setError(null);
    try {
      await present(await stream.run(call));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const step = view?.step;

  if (!view || !step) {
    return (
      <Box p="xl" flex={1}>
        {error ? <Alert color="red">{error}</Alert> : <Text c="dimmed">Loading the playthrough…</Text>}
      </Box>
    );
  }

  const say = () => {
    const text = draft.trim();
    if (!text || busy) return;
    setDraft('');
    void act((requestId) => api.call('playthroughs:say', { id, text, requestId }));
  };

  const exportTranscript = async () => {
    const { fileName, text } = await api.call('playthroughs:transcript', { id });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const restartTargets = dialogue
    ? Object.values(dialogue.nodes)
        .filter((node) => node.kind === 'line' || node.kind === 'choice' || node.kind === 'aiLine')
        .map((node) => ({
          id: node.id,
          label:
            node.kind === 'choice'
              ? `Choice: ${node.options.map((o) => o.text).join(' / ')}`
              : `${node.speaker || 'Line'}: ${node.kind === 'line' ? node.text : node.instruction}`,
        }))
    : [];

  return (
    <Group flex={1} gap={0} align="stretch" wrap="nowrap" mih={0} miw={0}>
      <Stack flex={1} gap={0} miw={0} mih={0}>
        <PaneHeader
          title={dialogue?.name ?? 'Playthrough'}
          subtitle={view.playthrough.title}
          inspectorOpen={inspectorOpen}
          onToggleInspector={() => setInspectorOpen((o) => !o)}
        >
          <Switch size="xs" label="Show closed choices" checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} />
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} disabled={busy}>
                Restart
              </Button>
            </Menu.Target>
            <Menu.Dropdown mah={360} style={{ overflow: 'auto' }}>
              <Menu.Item onClick={() => void act(() => api.call('playthroughs:restart', { id }))}>From the start</Menu.Item>
              <Menu.Divider />
              <Menu.Label>From a node</Menu.Label>
              {restartTargets.map((target) => (
                <Menu.Item key={target.id} onClick={() => void act(() => api.call('playthroughs:restart', { id, nodeId: target.id }))}>
                  <Text size="xs" truncate maw={300}>
                    {target.label}
                  </Text>
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Tooltip label="Download the transcript as text" withArrow>
            <ActionIcon size="lg" variant="default" aria-label="Download transcript" onClick={() => void exportTranscript()}>
              <IconDownload size={16} />
            </ActionIcon>
          </Tooltip>
        </PaneHeader>
        <ScrollArea className={classes.transcript} viewportRef={viewport} type="auto">
          <Stack gap="md" p="md" aria-live="polite" aria-label="Playthrough">
            <PlaythroughLog log={view.playthrough.log} />
            <StepView
              step={step}
              improvised={view.improvised}
              streaming={stream.text}
              busy={busy}
              showClosed={showClosed}
              onContinue={() => void act(() => api.call('playthroughs:advance', { id }))}
              onChoose={(optionId) => void act(() => api.call('playthroughs:choose', { id, optionId }))}
              onRestart={() => void act(() => api.call('playthroughs:restart', { id }))}
            />
          </Stack>
        </ScrollArea>
        {error && (
          <Alert color="red" mx="md" mb="xs" withCloseButton onClose={() => setError(null)}>
            {error}
          </Alert>
        )}
        <Group className={classes.composer} p="sm" gap="xs" wrap="nowrap">
          <TextInput
            flex={1}
            aria-label="Say something"
            placeholder={
              !aiAvailable
                ? 'Load a model to type freely; the buttons work without one'
                : 'Type as the player: it picks the closest choice, or the NPC answers in character'
            }
            value={draft}
            disabled={!aiAvailable || step.type === 'end'}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && say()}
          />
          {busy && stream.running ? (
            <Button color="red" variant="light" leftSection={<IconPlayerStop size={14} />} onClick={stream.stop}>
              Stop
            </Button>
          ) : (
            <Button leftSection={<IconSend size={14} />} onClick={say} disabled={!draft.trim() || busy || !aiAvailable}>
              Say
            </Button>
          )}
        </Group>
      </Stack>
      {inspectorOpen && (
        <PlaythroughInspector
          view={view}
          dialogue={dialogue}
          onState={async (state) => {
            try {
              setView(await api.call('playthroughs:state', { id, state }));
            } catch (e) {
              notifications.show({ color: 'red', title: 'Could not set the state', message: (e as Error).message });
            }
          }}
        />
      )}
    </Group>
  );
}
