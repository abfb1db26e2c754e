import { Badge, Button, Divider, Group, Menu, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconFlag, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ObjectiveType, Quest, QuestStage } from '../../../../main/domain/quest';
import { ObjectiveForm, OBJECTIVE_LABELS } from './ObjectiveForm';
import { OutcomeForm } from './OutcomeForm';
import type { QuestCommand } from './quest-commands';

interface StageFormProps {
  quest: Quest;
  stage: QuestStage;
  run(command: QuestCommand, group?: string): void;
}

/** The selected stage: title, journal entry, objectives and the outcomes that lead on from it. */
export function StageForm({ quest, stage, run }: StageFormProps) {
  const stageId = stage.id;
  const isStart = quest.startStageId === stageId;
  return (
    <Stack gap="sm" aria-label={`Stage ${stage.title || stageId}`} data-testid="stage-form">
      <Group justify="space-between">
        <Group gap={6}>
          <Title order={3} size="h5">
            Stage
          </Title>
          <Badge size="sm" variant="outline" color="gray" ff="monospace" tt="none">
            {stageId}
          </Badge>
          {isStart && (
            <Badge size="sm" color="teal" variant="light">
              start
            </Badge>
          )}
        </Group>
        <Group gap={4}>
          {!isStart && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconFlag size={13} />}
              onClick={() => run({ type: 'setStartStage', stageId })}
            >
              Make start
            </Button>
          )}
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={13} />}
            onClick={() => run({ type: 'removeStage', stageId })}
          >
            Delete stage
          </Button>
        </Group>
      </Group>
      <TextInput
        size="xs"
        label="Title"
        value={stage.title}
        maxLength={200}
        onChange={(e) => run({ type: 'updateStage', stageId, fields: { title: e.currentTarget.value } }, `stage:${stageId}:title`)}
      />
      <Textarea
        size="xs"
        label="Journal entry"
        description="What the player's journal says while this stage is current"
        autosize
        minRows={2}
        maxRows={8}
        value={stage.journal}
        onChange={(e) => run({ type: 'updateStage', stageId, fields: { journal: e.currentTarget.value } }, `stage:${stageId}:journal`)}
      />
      <Switch
        size="xs"
        label="Hidden from the journal until reached"
        checked={stage.hidden}
        onChange={(e) => run({ type: 'updateStage', stageId, fields: { hidden: e.currentTarget.checked } })}
      />
      <Divider label="Objectives" labelPosition="left" />
      {stage.objectives.length === 0 && (
        <Text size="xs" c="dimmed">
          No objectives: the stage moves on as soon as it is reached.
        </Text>
      )}
      {stage.objectives.map((objective, index) => (
        <ObjectiveForm
          key={objective.id}
          objective={objective}
          onChange={(next, group) => run({ type: 'updateObjective', stageId, index, objective: next }, group)}
          onRemove={() => run({ type: 'removeObjective', stageId, index })}
        />
      ))}
      <Menu position="bottom-start">
        <Menu.Target>
          <Button size="compact-xs" variant="light" leftSection={<IconPlus size={13} />} w="fit-content">
            Add objective
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(Object.keys(OBJECTIVE_LABELS) as ObjectiveType[]).map((type) => (
            <Menu.Item key={type} onClick={() => run({ type: 'addObjective', stageId, objectiveType: type })}>
              {OBJECTIVE_LABELS[type]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Divider label="Outcomes" labelPosition="left" />
      <Text size="xs" c="dimmed">
        When the required objectives are done, the first outcome whose condition holds is taken.
        {stage.outcomes.length === 0 ? ' With none, finishing this stage completes the quest.' : ''}
      </Text>
      {stage.outcomes.map((outcome, index) => (
        <OutcomeForm
          key={outcome.id}
          outcome={outcome}
          stages={quest.stages}
          onChange={(next, group) => run({ type: 'updateOutcome', stageId, index, outcome: next }, group)}
          onRemove={() => run({ type: 'removeOutcome', stageId, index })}
        />
      ))}
      <Group gap={6}>
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconPlus size={13} />}
          onClick={() => run({ type: 'addOutcome', stageId, result: 'stage' })}
        >
          Branch to stage
        </Button>
        <Button size="compact-xs" variant="light" color="teal" onClick={() => run({ type: 'addOutcome', stageId, result: 'complete' })}>
          Complete
        </Button>
        <Button size="compact-xs" variant="light" color="red" onClick={() => run({ type: 'addOutcome', stageId, result: 'fail' })}>
          Fail
        </Button>
      </Group>
    </Stack>
  );
}
