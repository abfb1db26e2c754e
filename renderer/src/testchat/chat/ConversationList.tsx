import { ActionIcon, Button, Group, Menu, ScrollArea, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ConversationSummary } from '../../../../preload/contract/testchat';
import { api } from '../../api/client';
import { confirmDanger } from '../../components/confirm-danger';
import { useNpcs } from '../../stores/npc-store';
import { NameModal } from '../../projects/NameModal';
import { useTestChat } from '../testchat-store';
import { relativeTime } from '../../util/relative-time';
import { countNoun } from '../../util/count-noun';
import listClasses from '../testchat.module.css';

/** The NPC to talk to and its saved conversations, newest first. */
export function ConversationList() {
  const npcs = useNpcs((s) => s.list);
  const { npcId, conversationId, changes } = useTestChat();
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  const [renaming, setRenaming] = useState<ConversationSummary | null>(null);

  useEffect(() => {
    if (!npcs) void useNpcs.getState().load();
  }, [npcs]);

  useEffect(() => {
    if (!npcId && npcs?.length) useTestChat.getState().pickNpc(npcs[0].id);
  }, [npcId, npcs]);

  const [listed, setListed] = useState(0);
  const reload = () => setListed((n) => n + 1);
  useEffect(() => {
    if (!npcId) return;
    let current = true;
    api.call('conversations:list', { npcId }).then(
      (list) => current && setConversations(list),
      (e: Error) => notifications.show({ color: 'red', title: 'Could not list the conversations', message: e.message }),
    );
    return () => {
      current = false;
    };
  }, [npcId, conversationId, listed, changes]);

  const start = async () => {
    if (!npcId) return;
    try {
      const conversation = await api.call('conversations:start', { npcId });
      useTestChat.getState().openConversation(conversation.id);
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not start a conversation', message: (e as Error).message });
    }
  };

  const remove = (conversation: ConversationSummary) =>
    confirmDanger({
      title: 'Delete conversation',
      body: `Delete "${conversation.title}" and its ${countNoun(conversation.messageCount, 'message')}? This cannot be undone.`,
      confirmLabel: 'Delete',
      onConfirm: async () => {
        await api.call('conversations:delete', { id: conversation.id });
        if (conversation.id === useTestChat.getState().conversationId) useTestChat.getState().openConversation(null);
        reload();
      },
    });

  return (
    <Stack gap={0} flex={1} mih={0}>
      <Stack px="sm" pb="xs" gap="xs">
        <Select
          size="xs"
          label="NPC"
          placeholder={npcs?.length === 0 ? 'No NPCs yet: create one in NPCs' : 'Choose an NPC'}
          data={(npcs ?? []).map((npc) => ({ value: npc.id, label: npc.name }))}
          value={npcId}
          onChange={(value) => useTestChat.getState().pickNpc(value)}
          searchable
          allowDeselect={false}
        />
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={start} disabled={!npcId}>
          New conversation
        </Button>
      </Stack>
      <ScrollArea flex={1} type="auto">
        <Stack gap={2} px="xs" pb="sm" role="list" aria-label="Conversations">
          {npcId && conversations.length === 0 && (
            <Text size="xs" c="dimmed" p="sm">
              No conversations with this NPC yet. Start one to try their voice.
            </Text>
          )}
          {(npcId ? conversations : []).map((conversation) => (
            <Group
              key={conversation.id}
              role="listitem"
              gap={4}
              wrap="nowrap"
              className={listClasses.row}
              data-active={conversation.id === conversationId || undefined}
            >
              <UnstyledButton flex={1} miw={0} p={6} onClick={() => useTestChat.getState().openConversation(conversation.id)}>
                <Text size="sm" fw={500} truncate>
                  {conversation.title}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {relativeTime(conversation.updatedAt)} · {countNoun(conversation.messageCount, 'message')}
                </Text>
                {conversation.preview && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {conversation.preview}
                  </Text>
                )}
              </UnstyledButton>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Actions for ${conversation.title}`}>
                    <IconDots size={14} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setRenaming(conversation)}>
                    Rename
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => remove(conversation)}>
                    Delete
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          ))}
        </Stack>
      </ScrollArea>
      <NameModal
        opened={renaming !== null}
        title="Rename conversation"
        label="Title"
        initialName={renaming?.title ?? ''}
        submitLabel="Rename"
        onClose={() => setRenaming(null)}
        onSubmit={async (title) => {
          if (!renaming) return;
          await api.call('conversations:rename', { id: renaming.id, title });
          reload();
        }}
      />
    </Stack>
  );
}
