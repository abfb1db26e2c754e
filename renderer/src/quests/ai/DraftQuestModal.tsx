import { Badge, Group, List, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { NpcSelect } from '../../npcs/NpcSelect';
import { AiJsonModal } from './AiJsonModal';
import { draftFromJson, draftRequest } from './quest-prompts';
import { useQuests } from '../quest-store';

interface DraftQuestModalProps {
  opened: boolean;
  onClose(): void;
  onCreated(): void;
}

/** "Draft a quest from a premise": the model drafts stages, objectives and rewards from the project's world; the creator edits and adds it. */
export function DraftQuestModal({ opened, onClose, onCreated }: DraftQuestModalProps) {
  const [premise, setPremise] = useState('');
  const { npcs, items, locations } = useQuests();
  const world = { npcs, items, locations };
  if (!opened) return null;
  return (
    <AiJsonModal
      title="Draft a quest from a premise"
      input={
        <Textarea
          label="Premise"
          description="A line or two: who wants what, and what stands in the way. The draft uses your NPCs, items and locations where they fit."
          placeholder="Wolves are taking the miller’s sheep, and the hunters blame the guard"
          value={premise}
          onChange={(e) => setPremise(e.currentTarget.value)}
          maxLength={600}
          autosize
          minRows={2}
          data-autofocus
        />
      }
      canStart={premise.trim().length > 0}
      startLabel="Draft the quest"
      request={(requestId) => draftRequest(premise, world, requestId)}
      parse={(value) => draftFromJson(value, world)}
      preview={(draft, change) => (
        <Stack gap="sm" data-testid="quest-draft-preview">
          <TextInput
            label="Title"
            value={draft.title}
            onChange={(e) => change({ ...draft, title: e.currentTarget.value })}
            maxLength={200}
          />
          <Textarea
            label="Summary"
            autosize
            minRows={2}
            value={draft.summary ?? ''}
            onChange={(e) => change({ ...draft, summary: e.currentTarget.value })}
          />
          <Group gap="xs">
            <NpcSelect
              label="Giver"
              placeholder="No giver"
              clearable
              npcs={npcs}
              value={draft.giverNpcId ?? null}
              onChange={(giverNpcId) => change({ ...draft, giverNpcId: giverNpcId ?? undefined })}
            />
            <Badge variant="light" mt="lg">
              Level {draft.level} · {draft.difficulty}
            </Badge>
          </Group>
          <Text size="sm" fw={600}>
            Stages
          </Text>
          <List size="sm" type="ordered" spacing={4}>
            {draft.stages?.map((stage) => (
              <List.Item key={stage.id}>
                <Text size="sm" fw={500} span>
                  {stage.title}
                </Text>
                {stage.objectives.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {stage.objectives.map((o) => o.description || o.type).join(' · ')}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
          {draft.rewards && draft.rewards.length > 0 && (
            <Text size="xs" c="dimmed">
              Rewards:{' '}
              {draft.rewards
                .map((r) => (r.type === 'currency' ? `${r.amount} ${r.currency}` : r.type === 'experience' ? `${r.amount} xp` : r.type))
                .join(', ')}
            </Text>
          )}
        </Stack>
      )}
      acceptLabel="Add quest"
      onAccept={async (draft) => {
        await useQuests.getState().create(draft.title.trim() || 'Untitled quest', draft);
        setPremise('');
        onCreated();
      }}
      onClose={onClose}
    />
  );
}
