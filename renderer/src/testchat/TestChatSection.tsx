import { Box, Center, EmptyState, SegmentedControl, Stack, Title } from '@mantine/core';
import { IconMessageChatbot, IconPlayerPlay } from '@tabler/icons-react';
import { ListPaneFold } from '../components/ListPaneFold';
import classes from '../sections/ContentSection.module.css';
import { ChatPane } from './chat/ChatPane';
import { ConversationList } from './chat/ConversationList';
import { PlaythroughList } from './play/PlaythroughList';
import { PlaythroughPane } from './play/PlaythroughPane';
import { useTestChat, type TestChatMode } from './testchat-store';

/** Test chat: talk freely with an NPC, or play an authored dialogue, with the state in view. */
export function TestChatSection() {
  const { mode, conversationId, playthroughId } = useTestChat();

  return (
    <Box className={classes.layout}>
      <Stack className={classes.listPane} gap={0}>
        <ListPaneFold />
        <Stack p="sm" pb="xs" gap="xs">
          <Title order={2} size="h4">
            Test chat
          </Title>
          <SegmentedControl
            size="xs"
            fullWidth
            value={mode}
            onChange={(value) => useTestChat.getState().setMode(value as TestChatMode)}
            data={[
              { value: 'chat', label: 'Free chat' },
              { value: 'play', label: 'Playthrough' },
            ]}
            aria-label="Test chat mode"
          />
        </Stack>
        {mode === 'chat' ? <ConversationList /> : <PlaythroughList />}
      </Stack>
      <Box className={classes.editorPane} style={{ display: 'flex', overflow: 'hidden' }}>
        {mode === 'chat' && conversationId ? (
          <ChatPane key={conversationId} id={conversationId} />
        ) : mode === 'play' && playthroughId ? (
          <PlaythroughPane key={playthroughId} id={playthroughId} />
        ) : (
          <Center flex={1} p="xl">
            <EmptyState
              variant="light"
              icon={mode === 'chat' ? <IconMessageChatbot size={40} stroke={1.4} /> : <IconPlayerPlay size={40} stroke={1.4} />}
              title={mode === 'chat' ? 'Talk to your NPCs before you ship them' : 'Play your dialogues as a player would'}
              description={
                mode === 'chat'
                  ? 'Pick an NPC on the left and start a conversation. Replies stream from the loaded model; the inspector shows the exact prompt and which lore fired.'
                  : 'Pick a dialogue on the left and press Play. Choices, conditions and actions run as they will in game, and you can set the state to test every branch.'
              }
            />
          </Center>
        )}
      </Box>
    </Box>
  );
}
