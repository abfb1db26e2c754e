import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Quest, QuestReward } from '../../../../main/domain/quest';
import { REWARD_LABELS } from '../editor/RewardsForm';
import { useQuests } from '../quest-store';
import { AiJsonModal } from './AiJsonModal';
import { rewardsFromJson, rewardsRequest } from './quest-prompts';

interface RewardsAiModalProps {
  quest: Quest;
  onClose(): void;
  onAccept(rewards: QuestReward[]): void;
}

const describeReward = (reward: QuestReward, itemName: (id: string) => string) =>
  reward.type === 'currency'
    ? `${reward.amount} ${reward.currency}`
    : reward.type === 'experience'
      ? `${reward.amount} experience`
      : reward.type === 'item'
        ? `${reward.count} × ${itemName(reward.itemId)}`
        : '';

/** "Suggest rewards for this level": rewards balanced for the quest's level and difficulty, added after the existing ones. */
export function RewardsAiModal({ quest, onClose, onAccept }: RewardsAiModalProps) {
  const items = useQuests((s) => s.items);
  const itemName = (id: string) => items.find((i) => i.id === id)?.name ?? id;
  return (
    <AiJsonModal
      title={`Suggest rewards for a level ${quest.level} quest`}
      request={(requestId) => rewardsRequest(quest, items, requestId)}
      parse={(value) => rewardsFromJson(value, items)}
      preview={(rewards) => (
        <Stack gap={6}>
          {rewards.length === 0 && (
            <Text size="sm" c="dimmed">
              The model suggested nothing usable. Try again.
            </Text>
          )}
          {rewards.map((reward, i) => (
            <Group key={i} gap="xs">
              <Badge variant="light">{REWARD_LABELS[reward.type]}</Badge>
              <Text size="sm">{describeReward(reward, itemName)}</Text>
            </Group>
          ))}
        </Stack>
      )}
      acceptLabel="Add these rewards"
      onAccept={onAccept}
      onClose={onClose}
    />
  );
}
