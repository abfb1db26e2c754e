import { Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { shownText, type Conversation } from '../../../../main/domain/testchat/conversation';
import { chatToDialogueNodes, type ChatExchange } from '../../../../main/domain/testchat/chat-to-dialogue';
import type { DialogueSummary } from '../../../../preload/contract/dialogues';
import { api } from '../../api/client';
import { useContent } from '../../stores/content-store';
import { useSession } from '../../stores/session-store';
import classes from '../testchat.module.css';

interface TurnIntoDialogueBarProps {
  conversation: Conversation;
  npcName: string;
  selected: ReadonlySet<string>;
  onDone(): void;
}

/** The replies picked in a conversation, with the player message before each. */
function exchangesOf(conversation: Conversation, selected: ReadonlySet<string>): ChatExchange[] {
  return conversation.messages.flatMap((message, index) => {
    if (message.role !== 'npc' || !selected.has(message.id)) return [];
    const before = conversation.messages[index - 1];
    return [{ player: before?.role === 'user' ? shownText(before) : null, reply: shownText(message) }];
  });
}

/**
 * "Turn into dialogue": the selected replies become a chain of choice and line nodes in
 * a dialogue, saved as one revision, so one Undo (or the dialogue's history) takes it back.
 */
export function TurnIntoDialogueBar({ conversation, npcName, selected, onDone }: TurnIntoDialogueBarProps) {
  const [dialogues, setDialogues] = useState<DialogueSummary[]>([]);
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.call('dialogues:list', {}).then(
      (all) => {
        const mine = all.filter((d) => d.npcId === conversation.npcId);
        const sorted = [...mine, ...all.filter((d) => d.npcId !== conversation.npcId)];
        setDialogues(sorted);
        setTarget((current) => current ?? sorted[0]?.id ?? null);
      },
      () => undefined,
    );
  }, [conversation.npcId]);

  const add = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const document = await api.call('dialogues:get', { id: target });
      const nodes = Object.values(document.dialogue.nodes);
      const origin = {
        x: nodes.length ? Math.max(...nodes.map((n) => n.position.x)) + 400 : 0,
        y: nodes.length ? Math.min(...nodes.map((n) => n.position.y)) : 0,
      };
      const upsertNodes = chatToDialogueNodes(exchangesOf(conversation, selected), {
        speaker: npcName,
        existingIds: new Set(Object.keys(document.dialogue.nodes)),
        origin,
      });
      const saved = await useSession.getState().trackSave(
        api.call('dialogues:save', {
          id: target,
          baseRevision: document.revision,
          upsertNodes,
          ...(document.dialogue.startNodeId ? {} : { startNodeId: upsertNodes[0].id }),
        }),
      );
      onDone();
      const notice = notifications.show({
        title: `Added ${upsertNodes.length} nodes to ${document.dialogue.name}`,
        autoClose: 10_000,
        message: (
          <Group gap="xs" mt={4}>
            <Button
              size="compact-xs"
              variant="default"
              onClick={async () => {
                notifications.hide(notice);
                await api.call('dialogues:restore', { id: target, revision: document.revision });
                notifications.show({ title: 'Undone', message: `${document.dialogue.name} is as it was.` });
              }}
            >
              Undo
            </Button>
            <Button
              size="compact-xs"
              onClick={() => {
                notifications.hide(notice);
                useContent.getState().select('dialogue', saved.id);
                useSession.getState().setSection('dialogue');
              }}
            >
              Open dialogue
            </Button>
          </Group>
        ),
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not add to the dialogue', message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group className={classes.composer} p="sm" gap="xs" justify="space-between" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {selected.size === 0 ? 'Tick the replies to keep.' : `${selected.size} ${selected.size === 1 ? 'reply' : 'replies'} selected`}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Select
          size="xs"
          w={220}
          aria-label="Dialogue to add to"
          placeholder={dialogues.length ? 'Choose a dialogue' : 'Create a dialogue first'}
          data={dialogues.map((d) => ({ value: d.id, label: d.name }))}
          value={target}
          onChange={setTarget}
          searchable
        />
        <Button size="xs" variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button size="xs" onClick={add} loading={busy} disabled={!target || selected.size === 0}>
          Add to dialogue
        </Button>
      </Group>
    </Group>
  );
}
