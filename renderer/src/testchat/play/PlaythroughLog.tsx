import { Badge, Divider, Group, Stack, Text } from '@mantine/core';
import { IconBolt } from '@tabler/icons-react';
import type { PlaythroughEntry } from '../../../../main/domain/testchat/playthrough';
import classes from '../testchat.module.css';
import { MarkupText } from './MarkupText';

/** What happened so far in a playthrough: lines and choices as a conversation, effects as quiet notes. */
export function PlaythroughLog({ log }: { log: readonly PlaythroughEntry[] }) {
  return (
    <>
      {log.map((entry, index) => {
        switch (entry.type) {
          case 'line':
          case 'reply':
            return (
              <Stack key={index} gap={2} align="flex-start" data-testid="log-line">
                <Group gap={6}>
                  <Text size="xs" fw={600} c="dimmed">
                    {entry.speaker || 'Narrator'}
                  </Text>
                  {entry.type === 'reply' && (
                    <Badge size="xs" variant="light" color="grape">
                      in character
                    </Badge>
                  )}
                  {entry.type === 'line' && entry.source !== 'authored' && (
                    <Badge size="xs" variant="light" color={entry.source === 'improvised' ? 'grape' : 'gray'}>
                      {entry.source}
                    </Badge>
                  )}
                </Group>
                <div className={`${classes.bubble} ${classes.npc}`}>
                  {entry.type === 'line' ? <MarkupText text={entry.text} markup={entry.markup} /> : entry.text}
                </div>
              </Stack>
            );
          case 'choice':
          case 'said':
            return (
              <div key={index} className={`${classes.bubble} ${classes.player}`} data-testid="log-choice">
                {entry.type === 'said' ? <em>{entry.text}</em> : <MarkupText text={entry.text} markup={entry.markup} />}
              </div>
            );
          case 'effect':
          case 'state':
            return (
              <Group key={index} gap={6} c="dimmed" data-testid="log-effect">
                <IconBolt size={12} />
                <Text size="xs">{entry.type === 'state' ? `State set: ${entry.text}` : entry.text}</Text>
              </Group>
            );
          case 'restart':
            return <Divider key={index} label={`Restarted${entry.nodeId ? ` at ${entry.nodeId}` : ''}`} labelPosition="center" />;
          case 'end':
            return <Divider key={index} label={entry.text} labelPosition="center" color={entry.reason === 'error' ? 'red' : undefined} />;
        }
      })}
    </>
  );
}
