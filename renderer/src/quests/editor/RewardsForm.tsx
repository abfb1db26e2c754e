import { ActionIcon, Badge, Button, Group, Menu, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Quest, QuestReward, RewardType } from '../../../../main/domain/quest';
import { useQuests } from '../quest-store';
import type { QuestCommand } from './quest-commands';
import { openItem } from '../navigate';
import { useWorldReveal } from '../world/world-reveal';
import { RefSelect } from './RefSelect';

export const REWARD_LABELS: Record<RewardType, string> = {
  item: 'Item',
  currency: 'Currency',
  experience: 'Experience',
  variable: 'Set variable',
  unlockQuest: 'Unlock quest',
};

const amount = (value: string | number, min = 1) => (typeof value === 'number' && value >= min ? Math.floor(value) : undefined);

/** Rewards given in order when the quest completes. */
export function RewardsForm({ quest, run }: { quest: Quest; run(command: QuestCommand, group?: string): void }) {
  const items = useQuests((s) => s.items);
  const quests = useQuests((s) => s.list ?? []);
  const otherQuests = quests.filter((q) => q.id !== quest.id).map((q) => ({ id: q.id, name: q.title }));
  const update = (index: number, reward: QuestReward, group?: string) => run({ type: 'updateReward', index, reward }, group);

  return (
    <Stack gap="xs">
      {quest.rewards.length === 0 && (
        <Text size="sm" c="dimmed">
          No rewards yet. Add items, currency or experience, set a variable, or unlock the next quest.
        </Text>
      )}
      {quest.rewards.map((reward, index) => (
        <Paper key={index} withBorder p="xs" radius="sm" data-testid="reward">
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <Badge variant="light" w={110}>
              {REWARD_LABELS[reward.type]}
            </Badge>
            {reward.type === 'item' && (
              <>
                <RefSelect
                  size="xs"
                  label="Item"
                  flex={1}
                  options={items}
                  value={reward.itemId}
                  open={{ noun: 'item', onOpen: (id) => useWorldReveal.getState().reveal('item', id) }}
                  onChange={(itemId) => update(index, { ...reward, itemId: itemId ?? '' })}
                />
                <NumberInput
                  size="xs"
                  label="Count"
                  w={90}
                  min={1}
                  value={reward.count}
                  onChange={(n) => amount(n) && update(index, { ...reward, count: amount(n)! }, `reward:${index}`)}
                />
              </>
            )}
            {reward.type === 'currency' && (
              <>
                <TextInput
                  size="xs"
                  label="Currency variable"
                  flex={1}
                  value={reward.currency}
                  onChange={(e) => update(index, { ...reward, currency: e.currentTarget.value }, `reward:${index}:c`)}
                />
                <NumberInput
                  size="xs"
                  label="Amount"
                  w={110}
                  min={1}
                  value={reward.amount}
                  onChange={(n) => amount(n) && update(index, { ...reward, amount: amount(n)! }, `reward:${index}`)}
                />
              </>
            )}
            {reward.type === 'experience' && (
              <NumberInput
                size="xs"
                label="Experience ($xp)"
                flex={1}
                min={1}
                value={reward.amount}
                onChange={(n) => amount(n) && update(index, { ...reward, amount: amount(n)! }, `reward:${index}`)}
              />
            )}
            {reward.type === 'variable' && (
              <>
                <TextInput
                  size="xs"
                  label="Variable"
                  flex={1}
                  value={reward.variable}
                  onChange={(e) => update(index, { ...reward, variable: e.currentTarget.value }, `reward:${index}:v`)}
                />
                <Select
                  size="xs"
                  label="Operator"
                  w={80}
                  data={['=', '+=', '-=']}
                  allowDeselect={false}
                  value={reward.operator}
                  onChange={(operator) => operator && update(index, { ...reward, operator: operator as '=' })}
                />
                <TextInput
                  size="xs"
                  label="Value"
                  w={120}
                  value={String(reward.value)}
                  onChange={(e) => update(index, { ...reward, value: parseScalar(e.currentTarget.value) }, `reward:${index}:value`)}
                />
              </>
            )}
            {reward.type === 'unlockQuest' && (
              <RefSelect
                size="xs"
                label="Quest"
                flex={1}
                options={otherQuests}
                value={reward.questId}
                open={{ noun: 'quest', onOpen: (id) => openItem('quest', id) }}
                onChange={(questId) => update(index, { ...reward, questId: questId ?? '' })}
              />
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete reward ${index + 1}`}
              onClick={() => run({ type: 'removeReward', index })}
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Menu position="bottom-start">
        <Menu.Target>
          <Button size="compact-xs" variant="light" leftSection={<IconPlus size={13} />} w="fit-content">
            Add reward
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(Object.keys(REWARD_LABELS) as RewardType[]).map((type) => (
            <Menu.Item key={type} onClick={() => run({ type: 'addReward', rewardType: type })}>
              {REWARD_LABELS[type]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}

/** A typed value as the dialogue language reads it: true/false, a number, else the text. */
function parseScalar(text: string): boolean | number | string {
  if (text === 'true' || text === 'false') return text === 'true';
  const number = Number(text);
  return text.trim() !== '' && Number.isFinite(number) ? number : text;
}
