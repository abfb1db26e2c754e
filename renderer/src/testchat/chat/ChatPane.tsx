import { Alert, Box, Button, Group, Progress, ScrollArea, Select, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerStop, IconSend, IconTransform } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Conversation } from '../../../../main/domain/testchat/conversation';
import type { ConversationTurn } from '../../../../preload/contract/testchat';
import { api } from '../../api/client';
import { AI_UNAVAILABLE, useAiAvailable } from '../../components/use-ai-available';
import { useNpcs } from '../../stores/npc-store';
import classes from '../testchat.module.css';
import { useStream } from '../use-stream';
import { PaneHeader } from '../PaneHeader';
import { ChatInspector } from './ChatInspector';
import { ChatMessageItem } from './ChatMessageItem';
import { TurnIntoDialogueBar } from './TurnIntoDialogueBar';
import { contextUse } from './context-use';
import { usePromptInspection } from './use-prompt-inspection';
import { countNoun } from '../../util/count-noun';
import { useTestChat } from '../testchat-store';

const REPLY_LENGTHS = [
  { value: '80', label: 'Short reply' },
  { value: '200', label: 'Normal reply' },
  { value: '600', label: 'Long reply' },
  { value: '1500', label: 'Very long reply' },
];

type Busy = { kind: 'send'; text: string } | { kind: 'regenerate'; messageId: string | null } | null;

/** One conversation: messages with their versions and actions, the composer, and the inspector beside them. */
export function ChatPane({ id }: { id: string }) {
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [inspectorOpen, setInspectorOpen] = useState(true);
  const [revision, setRevision] = useState(0);
  const [selected, setSelected] = useState<Set<string> | null>(null);
  const [replyTokens, setReplyTokens] = useState('200');
  const stream = useStream('chat');
  const viewport = useRef<HTMLDivElement>(null);
  const aiAvailable = useAiAvailable();
  const npcName = useNpcs((s) => s.list?.find((npc) => npc.id === conversation?.npcId)?.name ?? 'NPC');
  const { inspection, error: inspectionError } = usePromptInspection(id, revision);

  const show = useCallback((next: Conversation) => {
    setConversation(next);
    setRevision((r) => r + 1);
    useTestChat.getState().changed();
  }, []);

  useEffect(() => {
    api
      .call('conversations:get', { id })
      .then(show)
      .catch((e: Error) => setError(e.message));
  }, [id, show]);

  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [conversation, stream.text, busy]);

  const turn = async (kind: 'send' | 'regenerate', call: (requestId: string) => Promise<ConversationTurn>, text = '') => {
    setError(null);
    setBusy(
      kind === 'send'
        ? { kind, text }
        : { kind, messageId: conversation?.messages.at(-1)?.role === 'npc' ? conversation.messages.at(-1)!.id : null },
    );
    try {
      const result = await stream.run(call);
      show(result.conversation);
    } catch (e) {
      setError((e as Error).message);
      // The player's message was saved before the reply failed: show it.
      api.call('conversations:get', { id }).then(show, () => undefined);
    } finally {
      setBusy(null);
    }
  };

  const send = () => {
    const text = draft.trim();
    if (!text || busy) return;
    setDraft('');
    void turn('send', (requestId) => api.call('conversations:send', { id, text, requestId, maxTokens: Number(replyTokens) }), text);
  };
  const regenerate = () =>
    void turn('regenerate', (requestId) =>
      api.call('conversations:regenerate', { id, requestId, temperature: 0.9, maxTokens: Number(replyTokens) }),
    );

  const change = async (call: Promise<Conversation>) => {
    try {
      show(await call);
    } catch (e) {
      notifications.show({ color: 'red', title: 'That did not work', message: (e as Error).message });
    }
  };

  if (!conversation) {
    return (
      <Box p="xl" flex={1}>
        {error ? <Alert color="red">{error}</Alert> : <Text c="dimmed">Opening the conversation…</Text>}
      </Box>
    );
  }

  const messages = conversation.messages;
  const last = messages.at(-1);
  const canRegenerate = (index: number) =>
    index === messages.length - 1 && messages[index].role === 'npc' && messages[index - 1]?.role === 'user';
  const trailingUser = last?.role === 'user' && !busy;
  const use = contextUse(inspection);

  return (
    <Group flex={1} gap={0} align="stretch" wrap="nowrap" mih={0} miw={0}>
      <Stack flex={1} gap={0} miw={0} mih={0}>
        <PaneHeader
          title={conversation.title}
          titleTestId="conversation-title"
          subtitle={`with ${npcName} · ${countNoun(messages.length, 'message')}${conversation.branchedFrom ? ' · branched' : ''}`}
          inspectorOpen={inspectorOpen}
          onToggleInspector={() => setInspectorOpen((o) => !o)}
        >
          {use && (
            <Tooltip label={`The prompt of the latest reply takes ${use.tokens} of ${use.contextSize} context tokens`} withArrow>
              <Stack gap={2} w={120} aria-label="Context use">
                <Text size="xs" c="dimmed" data-testid="context-percent">
                  Context {use.percent}%
                </Text>
                <Progress size="sm" value={Math.min(100, use.percent)} color={use.percent > 90 ? 'orange' : 'blue'} />
              </Stack>
            </Tooltip>
          )}
          <Button
            size="xs"
            variant={selected ? 'filled' : 'default'}
            leftSection={<IconTransform size={14} />}
            onClick={() => setSelected(selected ? null : new Set())}
            disabled={Boolean(busy)}
          >
            Turn into dialogue
          </Button>
        </PaneHeader>
        <ScrollArea className={classes.transcript} viewportRef={viewport} type="auto">
          <Stack gap="md" p="md" aria-label="Messages" aria-live="polite">
            {messages.length === 0 && !busy && (
              <Text size="sm" c="dimmed" ta="center" py="xl">
                {npcName} has no greeting. Say something to begin.
              </Text>
            )}
            {messages.map((message, index) => (
              <ChatMessageItem
                key={message.id}
                message={message}
                npcName={npcName}
                streaming={busy?.kind === 'regenerate' && busy.messageId === message.id ? (stream.text ?? '') : undefined}
                busy={Boolean(busy)}
                canRegenerate={canRegenerate(index)}
                selecting={selected !== null}
                selected={selected?.has(message.id) ?? false}
                onToggleSelect={() =>
                  setSelected((s) => {
                    const next = new Set(s);
                    if (next.has(message.id)) next.delete(message.id);
                    else next.add(message.id);
                    return next;
                  })
                }
                onShowVersion={(version) => void change(api.call('conversations:showVersion', { id, messageId: message.id, version }))}
                onEdit={(text) => change(api.call('conversations:edit', { id, messageId: message.id, text }))}
                onDelete={() => void change(api.call('conversations:deleteMessage', { id, messageId: message.id }))}
                onBranch={async () => {
                  try {
                    const branch = await api.call('conversations:branch', { id, messageId: message.id });
                    useTestChat.getState().openConversation(branch.id);
                    notifications.show({ title: 'Branched', message: `Now in "${branch.title}"; the original is unchanged.` });
                  } catch (e) {
                    notifications.show({ color: 'red', title: 'Could not branch', message: (e as Error).message });
                  }
                }}
                onRegenerate={regenerate}
              />
            ))}
            {busy?.kind === 'send' && (
              <>
                <div className={`${classes.bubble} ${classes.player}`}>{busy.text}</div>
                <Stack gap={4} align="flex-start" data-testid="streaming-reply">
                  <Text size="xs" fw={600} c="dimmed">
                    {npcName}
                  </Text>
                  <div className={`${classes.bubble} ${classes.npc} ${classes.cursor}`}>{stream.text}</div>
                </Stack>
              </>
            )}
            {busy?.kind === 'regenerate' && busy.messageId === null && (
              <div className={`${classes.bubble} ${classes.npc} ${classes.cursor}`} data-testid="streaming-reply">
                {stream.text}
              </div>
            )}
            {trailingUser && (
              <Group justify="center">
                <Button size="xs" variant="light" onClick={regenerate} disabled={!aiAvailable}>
                  Write {npcName}'s reply
                </Button>
              </Group>
            )}
          </Stack>
        </ScrollArea>
        {error && (
          <Alert color="red" mx="md" mb="xs" withCloseButton onClose={() => setError(null)} title="The reply failed">
            {error}
          </Alert>
        )}
        {selected ? (
          <TurnIntoDialogueBar conversation={conversation} npcName={npcName} selected={selected} onDone={() => setSelected(null)} />
        ) : (
          <Group className={classes.composer} p="sm" gap="xs" align="flex-end" wrap="nowrap">
            <Textarea
              flex={1}
              autosize
              minRows={1}
              maxRows={6}
              placeholder={aiAvailable ? `Say something to ${npcName}… (Enter to send, Shift+Enter for a new line)` : AI_UNAVAILABLE}
              aria-label="Message"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  send();
                }
              }}
            />
            <Select
              w={120}
              aria-label="Reply length"
              title="Reply length: the most tokens a reply may take"
              data={REPLY_LENGTHS}
              value={replyTokens}
              onChange={(value) => value && setReplyTokens(value)}
              allowDeselect={false}
            />
            {busy ? (
              <Button color="red" variant="light" leftSection={<IconPlayerStop size={14} />} onClick={stream.stop}>
                Stop
              </Button>
            ) : (
              <Button leftSection={<IconSend size={14} />} onClick={send} disabled={!draft.trim() || !aiAvailable}>
                Send
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {inspectorOpen && (
        <ChatInspector
          conversation={conversation}
          inspection={inspection}
          error={inspectionError}
          onState={(state) => change(api.call('conversations:setState', { id, state }))}
        />
      )}
    </Group>
  );
}
