import { ActionIcon, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface ListItemCardProps {
  title: string;
  index: number;
  count: number;
  onMove(to: number): void;
  onRemove(): void;
  children: ReactNode;
}

/** One entry of an ordered list in the inspector (option, branch, action, variable) with reorder and remove. */
export function ListItemCard({ title, index, count, onMove, onRemove, children }: ListItemCardProps) {
  return (
    <Paper withBorder radius="md" p="xs">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Text size="xs" fw={600} c="dimmed">
          {title}
        </Text>
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label={`Move ${title} up`}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            <IconArrowUp size={14} />
          </ActionIcon>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label={`Move ${title} down`}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            <IconArrowDown size={14} />
          </ActionIcon>
          <Tooltip label="Remove">
            <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove ${title}`} onClick={onRemove}>
              <IconTrash size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {children}
    </Paper>
  );
}

/** The list with the item at `from` moved to `to`. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}
