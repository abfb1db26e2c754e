import { ActionIcon, Badge, Button, Checkbox, Group, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconBook2, IconChevronLeft, IconChevronRight, IconGitBranch, IconPencil, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { shownText, type ConversationMessage } from '../../../../main/domain/testchat/conversation';
import { countNoun } from '../../util/count-noun';
import { STOP_REASON_TEXT } from '../../util/stop-reason-text';
import classes from '../testchat.module.css';
import { RoleplayText } from './RoleplayText';

interface ChatMessageItemProps {
  message: ConversationMessage;
  npcName: string;
  /** Text streaming into this message (a regenerated version) while the model writes it. */
  streaming?: string;
  busy: boolean;
  canRegenerate: boolean;
  selecting: boolean;
  selected: boolean;
  onToggleSelect(): void;
  onShowVersion(version: number): void;
  onEdit(text: string): Promise<void>;
  onDelete(): void;
  onBranch(): void;
  onRegenerate(): void;
}

/** One message: the version on show with arrows to flip through the others, and its actions on hover. */
export function ChatMessageItem(props: ChatMessageItemProps) {
  const { message, npcName, streaming, busy } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const isNpc = message.role === 'npc';
  const text = streaming ?? shownText(message);
  const versions = message.versions.length;

  return (
    <Stack
      gap={4}
      className={classes.message}
      align={isNpc ? 'flex-start' : 'flex-end'}
      data-testid="chat-message"
      data-role={message.role}
    >
      <Group gap={6} wrap="nowrap">
        {props.selecting && isNpc && (
          <Checkbox size="xs" checked={props.selected} onChange={props.onToggleSelect} aria-label="Select this reply" />
        )}
        <Text size="xs" fw={600} c="dimmed">
          {isNpc ? npcName : 'You'}
        </Text>
        {message.lore && message.lore.length > 0 && (
          <Tooltip label={`Lore used: ${message.lore.join(', ')}`} withArrow>
            <Badge size="xs" variant="light" color="grape" leftSection={<IconBook2 size={10} />}>
              {countNoun(message.lore.length, 'lore entry', 'lore entries')}
            </Badge>
          </Tooltip>
        )}
        {(message.stopReason === 'cancelled' || message.stopReason === 'maxTokens') && !streaming && (
          <Badge size="xs" variant="light" color="gray" data-testid="stop-reason">
            {STOP_REASON_TEXT[message.stopReason]}
          </Badge>
        )}
      </Group>
      {editing !== null ? (
        <Stack gap={4} w="min(680px, 80%)">
          <Textarea
            autosize
            minRows={2}
            value={editing}
            onChange={(e) => setEditing(e.currentTarget.value)}
            aria-label="Edit message"
            autoFocus
          />
          <Group gap={6} justify="flex-end">
            <Button size="compact-xs" variant="default" onClick={() => setEditing(null)}>
              Cancel
            </Button>
            <Button
              size="compact-xs"
              disabled={!editing.trim()}
              onClick={async () => {
                await props.onEdit(editing.trim());
                setEditing(null);
              }}
            >
              Save
            </Button>
          </Group>
        </Stack>
      ) : (
        <div className={`${classes.bubble} ${isNpc ? classes.npc : classes.player} ${streaming !== undefined ? classes.cursor : ''}`}>
          {text ? <RoleplayText text={text} /> : streaming !== undefined ? '' : ' '}
        </div>
      )}
      <Group gap={2} className={classes.tools} wrap="nowrap">
        {versions > 1 && (
          <Group gap={0} wrap="nowrap">
            <ActionIcon
              size="xs"
              variant="subtle"
              color="gray"
              aria-label="Previous version"
              disabled={busy || message.shown === 0}
              onClick={() => props.onShowVersion(message.shown - 1)}
            >
              <IconChevronLeft size={12} />
            </ActionIcon>
            <Text size="xs" c="dimmed" data-testid="version-label">
              {message.shown + 1}/{versions}
            </Text>
            <ActionIcon
              size="xs"
              variant="subtle"
              color="gray"
              aria-label="Next version"
              disabled={busy || message.shown >= versions - 1}
              onClick={() => props.onShowVersion(message.shown + 1)}
            >
              <IconChevronRight size={12} />
            </ActionIcon>
          </Group>
        )}
        {props.canRegenerate && (
          <Tooltip label="Regenerate (keeps this version)" withArrow>
            <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Regenerate" disabled={busy} onClick={props.onRegenerate}>
              <IconRefresh size={14} />
            </ActionIcon>
          </Tooltip>
        )}
        <Tooltip label="Edit" withArrow>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label="Edit"
            disabled={busy}
            onClick={() => setEditing(shownText(message))}
          >
            <IconPencil size={14} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Branch from here: a new conversation up to this message" withArrow>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Branch from here" disabled={busy} onClick={props.onBranch}>
            <IconGitBranch size={14} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Delete" withArrow>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Delete message" disabled={busy} onClick={props.onDelete}>
            <IconTrash size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Stack>
  );
}
