import { Badge, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowUpRight, IconMessages } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { QuestLink } from '../../../../preload/contract/quests';
import { api } from '../../api/client';
import { openItem } from '../navigate';

const ACTION_LABELS: Record<QuestLink['action'], string> = {
  startQuest: 'starts the quest',
  advanceQuest: 'advances the quest',
  completeObjective: 'completes an objective',
  completeQuest: 'completes the quest',
};

/** The dialogue nodes whose actions move this quest; each opens its dialogue at that node. Refreshed when the quest saves. */
export function DialogueLinks({ questId, revision }: { questId: string; revision: number }) {
  const [links, setLinks] = useState<QuestLink[] | null>(null);
  useEffect(() => {
    api.call('quests:links', { id: questId }).then(setLinks, () => setLinks([]));
  }, [questId, revision]);

  if (!links) return <Loader size="xs" />;
  if (links.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No dialogue acts on this quest yet. In a dialogue, add an action node with “Start quest”, “Advance quest”, “Complete objective” or
        “Complete quest” and pick this quest.
      </Text>
    );
  }
  return (
    <Stack gap={4} aria-label="Dialogue links">
      {links.map((link, i) => (
        <UnstyledButton
          key={`${link.dialogueId}:${link.nodeId}:${i}`}
          onClick={() => openItem('dialogue', link.dialogueId, link.nodeId)}
          p={6}
          style={{ borderRadius: 6 }}
        >
          <Group gap="xs" wrap="nowrap">
            <IconMessages size={16} />
            <Text size="sm" fw={500}>
              {link.dialogueName}
            </Text>
            <Badge size="xs" variant="outline" color="gray" ff="monospace" tt="none">
              {link.nodeId}
            </Badge>
            <Text size="sm" c="dimmed">
              {ACTION_LABELS[link.action]}
              {link.detail ? ` (${link.detail})` : ''}
            </Text>
            <IconArrowUpRight size={14} />
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
