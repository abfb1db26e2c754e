import { Alert, Badge, Group, Progress, ScrollArea, Stack, Tabs, Text } from '@mantine/core';
import type { DialogueState } from '../../../../main/domain/dialogue/dialogue-state';
import type { Conversation } from '../../../../main/domain/testchat/conversation';
import type { PromptInspection } from '../../../../preload/contract/testchat';
import { StateEditor } from '../state/StateEditor';
import { countNoun } from '../../util/count-noun';
import classes from '../testchat.module.css';
import { contextUse } from './context-use';

interface ChatInspectorProps {
  conversation: Conversation;
  /** The prompt of the latest reply, as the pane inspected it. */
  inspection: PromptInspection | null;
  error: string | null;
  onState(state: DialogueState): Promise<void>;
}

/** Beside the chat: the exact prompt of the latest reply, the lore that fired, context use, and the game state to test with. */
export function ChatInspector({ conversation, inspection, error, onState }: ChatInspectorProps) {
  const use = contextUse(inspection);

  return (
    <Stack className={classes.inspector} gap={0} aria-label="Inspector">
      <Tabs defaultValue="prompt" flex={1} display="flex" style={{ flexDirection: 'column', minHeight: 0 }}>
        <Tabs.List>
          <Tabs.Tab value="prompt">Prompt</Tabs.Tab>
          <Tabs.Tab value="state">Game state</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="prompt" flex={1} mih={0}>
          <ScrollArea h="100%" type="auto">
            <Stack p="sm" gap="sm">
              {error && <Alert color="red">{error}</Alert>}
              {inspection && (
                <>
                  <Stack gap={4}>
                    <Group justify="space-between">
                      <Text size="xs" fw={600}>
                        Prompt of the latest reply
                      </Text>
                      <Text size="xs" c="dimmed" data-testid="prompt-tokens">
                        {inspection.tokens !== null ? `${inspection.tokens} tokens` : `~${inspection.estimatedTokens} tokens (estimated)`}
                        {use ? ` of ${use.contextSize} · ${use.percent}%` : ''}
                      </Text>
                    </Group>
                    {use && (
                      <Progress
                        size="sm"
                        value={Math.min(100, use.percent)}
                        color={use.percent > 90 ? 'orange' : 'blue'}
                        aria-label="Context use"
                      />
                    )}
                    {inspection.droppedMessages > 0 && (
                      <Text size="xs" c="orange">
                        {countNoun(inspection.droppedMessages, 'oldest message')} left out to fit the context.
                      </Text>
                    )}
                  </Stack>
                  <Stack gap={4}>
                    <Text size="xs" fw={600}>
                      Lorebook entries that fired
                    </Text>
                    {inspection.fired.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        None. Entries fire when their keys appear in the recent messages.
                      </Text>
                    ) : (
                      <Group gap={4} data-testid="fired-entries">
                        {inspection.fired.map((entry) => (
                          <Badge
                            key={entry.label}
                            size="sm"
                            variant="light"
                            color={entry.reason === 'constant' ? 'gray' : 'grape'}
                            title={
                              entry.key ? `matched "${entry.key}"${entry.secondaryKey ? ` and "${entry.secondaryKey}"` : ''}` : 'always on'
                            }
                          >
                            {entry.label} · {entry.tokens}t
                          </Badge>
                        ))}
                      </Group>
                    )}
                    {inspection.skipped.some((entry) => entry.reason === 'budget') && (
                      <Text size="xs" c="orange">
                        Over the lorebook's token budget:{' '}
                        {inspection.skipped
                          .filter((entry) => entry.reason === 'budget')
                          .map((entry) => entry.label)
                          .join(', ')}
                      </Text>
                    )}
                    {inspection.skipped
                      .filter((entry) => entry.reason === 'key_error')
                      .map((entry) => (
                        <Text key={entry.label} size="xs" c="red" data-testid="lore-key-error">
                          {entry.label} never fires: {entry.detail}
                        </Text>
                      ))}
                  </Stack>
                  <Stack gap={4}>
                    <Text size="xs" fw={600}>
                      Exact text sent
                    </Text>
                    <div className={classes.promptText} data-testid="prompt-text">
                      {inspection.text}
                    </div>
                  </Stack>
                </>
              )}
            </Stack>
          </ScrollArea>
        </Tabs.Panel>
        <Tabs.Panel value="state" flex={1} mih={0}>
          <ScrollArea h="100%" type="auto">
            <Stack p="sm" gap="xs">
              <Text size="xs" c="dimmed">
                The NPC is told this state with every reply. Set quests and variables to hear how they talk about them.
              </Text>
              <StateEditor state={conversation.state} onApply={onState} />
            </Stack>
          </ScrollArea>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
