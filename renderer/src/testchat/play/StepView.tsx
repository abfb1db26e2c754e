import { Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowRight, IconLock } from '@tabler/icons-react';
import type { PlaythroughView } from '../../../../preload/contract/testchat';
import classes from '../testchat.module.css';
import { MarkupText } from './MarkupText';

interface StepViewProps {
  step: PlaythroughView['step'];
  improvised: PlaythroughView['improvised'];
  streaming: string | null;
  busy: boolean;
  showClosed: boolean;
  onContinue(): void;
  onChoose(optionId: string): void;
  onRestart(): void;
}

/** What the player faces now: a line to read on, choices to take, or the end. */
export function StepView({ step, improvised, streaming, busy, showClosed, onContinue, onChoose, onRestart }: StepViewProps) {
  if (step.type === 'line' || step.type === 'aiLine') {
    // An AI line's authored fallback is rendered text with markup; what the model improvises is plain.
    const text =
      step.type === 'line' ? (
        <MarkupText text={step.text} markup={step.markup} />
      ) : improvised?.source === 'fallback' ? (
        <MarkupText text={improvised.text} markup={step.markup} />
      ) : (
        (improvised?.text ?? streaming ?? '')
      );
    const writing = step.type === 'aiLine' && !improvised;
    return (
      <Stack gap={6} align="flex-start" data-testid="current-step" data-step={step.type}>
        <Group gap={6}>
          <Text size="xs" fw={600} c="dimmed">
            {step.speaker || 'Narrator'}
          </Text>
          {step.type === 'aiLine' && (
            <Badge size="xs" variant="light" color={improvised?.source === 'fallback' ? 'gray' : 'grape'}>
              {writing ? 'improvising…' : improvised?.source}
            </Badge>
          )}
        </Group>
        <div className={`${classes.bubble} ${classes.npc} ${writing ? classes.cursor : ''}`}>{text}</div>
        <Button size="xs" rightSection={<IconArrowRight size={14} />} onClick={onContinue} disabled={busy || writing} data-autofocus>
          Continue
        </Button>
      </Stack>
    );
  }
  if (step.type === 'choice') {
    // With none open the player sees them all, greyed, and continues past them (Yarn's fallthrough).
    const fallthrough = !step.options.some((option) => option.available);
    const options = step.options.filter((option) => option.available || showClosed || fallthrough);
    return (
      <Stack gap={6} align="flex-end" data-testid="current-step" data-step="choice">
        {fallthrough && (
          <Text size="sm" c="dimmed">
            No option is open now; the conversation goes on past them.
          </Text>
        )}
        {options.map((option) =>
          option.available ? (
            <Button key={option.id} variant="light" onClick={() => onChoose(option.id)} disabled={busy}>
              {option.text ? <MarkupText text={option.text} markup={option.markup} /> : option.id}
            </Button>
          ) : (
            <Tooltip key={option.id} label={option.unavailableReason} withArrow>
              <Stack gap={0} align="flex-end">
                <Button variant="default" disabled leftSection={<IconLock size={14} />}>
                  {option.text ? <MarkupText text={option.text} markup={option.markup} /> : option.id}
                </Button>
                <Text size="xs" c="dimmed">
                  {option.unavailableReason}
                </Text>
              </Stack>
            </Tooltip>
          ),
        )}
        {fallthrough && (
          <Button size="xs" rightSection={<IconArrowRight size={14} />} onClick={onContinue} disabled={busy} data-autofocus>
            Continue
          </Button>
        )}
        {streaming !== null && (
          <div className={`${classes.bubble} ${classes.npc} ${classes.cursor}`} style={{ marginRight: 'auto' }}>
            {streaming}
          </div>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap={6} align="center" data-testid="current-step" data-step="end">
      <Text size="sm" c={step.reason === 'error' ? 'red' : 'dimmed'}>
        {step.reason === 'error'
          ? step.message
          : step.reason === 'jump'
            ? `Continues in another dialogue (${step.jump?.dialogueId}).`
            : 'The conversation is over.'}
      </Text>
      <Button size="xs" variant="light" onClick={onRestart}>
        Play again
      </Button>
    </Stack>
  );
}
