import { Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { DialogueAction, NodeOfKind } from '../../../../main/domain/dialogue';
import { useEditor } from '../editor-context';
import { ListItemCard, moveItem } from './ListItemCard';
import { OutputTarget } from './OutputTarget';
import { useNodeEdit } from './use-node-edit';

type ActionType = DialogueAction['type'];

const ACTION_TYPES: { value: ActionType; label: string }[] = [
  { value: 'setVariable', label: 'Set variable' },
  { value: 'startQuest', label: 'Start quest' },
  { value: 'advanceQuest', label: 'Advance quest' },
  { value: 'completeObjective', label: 'Complete objective' },
  { value: 'completeQuest', label: 'Complete quest' },
  { value: 'giveItem', label: 'Give item' },
  { value: 'command', label: 'Custom command' },
];

/** A fresh action of a type, with placeholders the validation points out until filled. */
function blankAction(type: ActionType, variable: string): DialogueAction {
  switch (type) {
    case 'setVariable':
      return { type, variable: variable || 'flag', operator: '=', value: true };
    case 'startQuest':
    case 'completeQuest':
    case 'advanceQuest':
      return { type, questId: 'quest' };
    case 'completeObjective':
      return { type, questId: 'quest', objectiveId: 'objective' };
    case 'giveItem':
      return { type, itemId: 'item', count: 1 };
    case 'command':
      return { type, name: 'command', args: [] };
  }
}

/** A typed value from what was typed: true/false and numbers as themselves, the rest as text. */
function parseScalar(text: string): boolean | number | string {
  if (text === 'true' || text === 'false') return text === 'true';
  const number = Number(text);
  return text.trim() !== '' && Number.isFinite(number) ? number : text;
}

const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

function ActionFields({ action, onChange }: { action: DialogueAction; onChange(action: DialogueAction): void }) {
  const variables = useEditor((s) => s.dialogue.variables);
  switch (action.type) {
    case 'setVariable':
      return (
        <Group gap={6} grow wrap="nowrap">
          <Select size="xs" aria-label="Variable" data={variables.map((v) => v.name)} value={action.variable} onChange={(v) => v && onChange({ ...action, variable: v })} searchable />
          <Select size="xs" aria-label="Operator" data={['=', '+=', '-=']} value={action.operator} onChange={(op) => op && onChange({ ...action, operator: op as '=' })} maw={70} />
          <TextInput size="xs" aria-label="Value" value={String(action.value)} onChange={(e) => onChange({ ...action, value: parseScalar(e.currentTarget.value) })} styles={mono} />
        </Group>
      );
    case 'startQuest':
    case 'completeQuest':
      return <TextInput size="xs" label="Quest id" value={action.questId} onChange={(e) => onChange({ ...action, questId: e.currentTarget.value })} styles={mono} />;
    case 'advanceQuest':
      return (
        <Group gap={6} grow>
          <TextInput size="xs" label="Quest id" value={action.questId} onChange={(e) => onChange({ ...action, questId: e.currentTarget.value })} styles={mono} />
          <NumberInput
            size="xs"
            label="To stage"
            placeholder="next"
            min={0}
            value={action.stage ?? ''}
            onChange={(v) => {
              const { stage: _old, ...rest } = action;
              onChange(typeof v === 'number' ? { ...rest, stage: v } : rest);
            }}
          />
        </Group>
      );
    case 'completeObjective':
      return (
        <Group gap={6} grow>
          <TextInput size="xs" label="Quest id" value={action.questId} onChange={(e) => onChange({ ...action, questId: e.currentTarget.value })} styles={mono} />
          <TextInput size="xs" label="Objective id" value={action.objectiveId} onChange={(e) => onChange({ ...action, objectiveId: e.currentTarget.value })} styles={mono} />
        </Group>
      );
    case 'giveItem':
      return (
        <Group gap={6} grow>
          <TextInput size="xs" label="Item id" value={action.itemId} onChange={(e) => onChange({ ...action, itemId: e.currentTarget.value })} styles={mono} />
          <NumberInput size="xs" label="Count" min={1} value={action.count} onChange={(v) => onChange({ ...action, count: Math.max(1, Number(v) || 1) })} />
        </Group>
      );
    case 'command':
      return (
        <Group gap={6} grow>
          <TextInput size="xs" label="Command" value={action.name} onChange={(e) => onChange({ ...action, name: e.currentTarget.value })} styles={mono} />
          <TextInput
            size="xs"
            label="Arguments"
            description="Comma-separated"
            defaultValue={action.args.join(', ')}
            onChange={(e) => onChange({ ...action, args: e.currentTarget.value.split(',').map((a) => a.trim()).filter(Boolean).map(parseScalar) })}
            styles={mono}
          />
        </Group>
      );
  }
}

/** The actions run when the conversation passes this node, in order. */
export function ActionForm({ node }: { node: NodeOfKind<'action'> }) {
  const edit = useNodeEdit();
  const firstVariable = useEditor((s) => s.dialogue.variables[0]?.name ?? '');
  const setActions = (actions: DialogueAction[], field: string) => edit({ ...node, actions }, field);
  return (
    <Stack gap="xs">
      {node.actions.map((action, i) => (
        <ListItemCard
          key={i}
          title={`Action ${i + 1}`}
          index={i}
          count={node.actions.length}
          onMove={(to) => setActions(moveItem(node.actions, i, to), 'order')}
          onRemove={() => setActions(node.actions.filter((_, j) => j !== i), 'remove')}
        >
          <Stack gap={6}>
            <Select
              size="xs"
              aria-label={`Action ${i + 1} type`}
              data={ACTION_TYPES}
              value={action.type}
              allowDeselect={false}
              onChange={(type) => type && setActions(node.actions.map((a, j) => (j === i ? blankAction(type as ActionType, firstVariable) : a)), `type.${i}`)}
            />
            <ActionFields action={action} onChange={(next) => setActions(node.actions.map((a, j) => (j === i ? next : a)), `fields.${i}`)} />
          </Stack>
        </ListItemCard>
      ))}
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setActions([...node.actions, blankAction('setVariable', firstVariable)], 'add')}>
        Add action
      </Button>
      <OutputTarget nodeId={node.id} field="next" label="Next" value={node.next} />
    </Stack>
  );
}
