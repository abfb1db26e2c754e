import { Group, NumberInput, Select, Stack } from '@mantine/core';
import { setVariableAction, type DialogueAction, type NodeOfKind, type VariableDeclaration } from '../../../../main/domain/dialogue';
import { useEditor } from '../editor-context';
import { withOptional } from '../with-optional';
import { EditableList } from './EditableList';
import { MonoField } from './MonoField';
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
function blankAction(type: ActionType, variable: VariableDeclaration | undefined): DialogueAction {
  switch (type) {
    case 'setVariable':
      return setVariableAction(variable);
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

function ActionFields({ action, onChange }: { action: DialogueAction; onChange(action: DialogueAction): void }) {
  const variables = useEditor((s) => s.dialogue.variables);
  switch (action.type) {
    case 'setVariable':
      return (
        <Group gap={6} grow wrap="nowrap">
          <Select
            size="xs"
            aria-label="Variable"
            data={variables.map((v) => v.name)}
            value={action.variable}
            onChange={(v) =>
              v &&
              onChange(
                setVariableAction(
                  variables.find((d) => d.name === v),
                  action,
                ),
              )
            }
            searchable
          />
          <Select
            size="xs"
            aria-label="Operator"
            data={['=', '+=', '-=']}
            value={action.operator}
            onChange={(op) => op && onChange({ ...action, operator: op as '=' })}
            maw={70}
          />
          <MonoField
            aria-label="Value"
            value={String(action.value)}
            onChange={(text) => onChange({ ...action, value: parseScalar(text) })}
          />
        </Group>
      );
    case 'startQuest':
    case 'completeQuest':
      return <MonoField label="Quest id" value={action.questId} onChange={(questId) => onChange({ ...action, questId })} />;
    case 'advanceQuest':
      return (
        <Group gap={6} grow>
          <MonoField label="Quest id" value={action.questId} onChange={(questId) => onChange({ ...action, questId })} />
          <NumberInput
            size="xs"
            label="To stage"
            placeholder="next"
            min={0}
            value={action.stage ?? ''}
            onChange={(v) => onChange(withOptional(action, 'stage', typeof v === 'number' ? v : undefined))}
          />
        </Group>
      );
    case 'completeObjective':
      return (
        <Group gap={6} grow>
          <MonoField label="Quest id" value={action.questId} onChange={(questId) => onChange({ ...action, questId })} />
          <MonoField label="Objective id" value={action.objectiveId} onChange={(objectiveId) => onChange({ ...action, objectiveId })} />
        </Group>
      );
    case 'giveItem':
      return (
        <Group gap={6} grow>
          <MonoField label="Item id" value={action.itemId} onChange={(itemId) => onChange({ ...action, itemId })} />
          <NumberInput
            size="xs"
            label="Count"
            min={1}
            value={action.count}
            onChange={(v) => onChange({ ...action, count: Math.max(1, Number(v) || 1) })}
          />
        </Group>
      );
    case 'command':
      return (
        <Group gap={6} grow>
          <MonoField label="Command" value={action.name} onChange={(name) => onChange({ ...action, name })} />
          <MonoField
            label="Arguments"
            description="Comma-separated"
            defaultValue={action.args.join(', ')}
            onChange={(text) =>
              onChange({
                ...action,
                args: text
                  .split(',')
                  .map((a) => a.trim())
                  .filter(Boolean)
                  .map(parseScalar),
              })
            }
          />
        </Group>
      );
  }
}

/** The actions run when the conversation passes this node, in order. */
export function ActionForm({ node }: { node: NodeOfKind<'action'> }) {
  const edit = useNodeEdit();
  const firstVariable = useEditor((s) => s.dialogue.variables[0]);
  return (
    <Stack gap="xs">
      <EditableList
        items={node.actions}
        itemKey={(_, i) => i}
        itemTitle={(_, i) => `Action ${i + 1}`}
        onChange={(actions, field) => edit({ ...node, actions }, field)}
        addLabel="Add action"
        newItem={() => blankAction('setVariable', firstVariable)}
      >
        {(action, i, replace) => (
          <Stack gap={6}>
            <Select
              size="xs"
              aria-label={`Action ${i + 1} type`}
              data={ACTION_TYPES}
              value={action.type}
              allowDeselect={false}
              onChange={(type) => type && replace(blankAction(type as ActionType, firstVariable), 'type')}
            />
            <ActionFields action={action} onChange={(next) => replace(next, 'fields')} />
          </Stack>
        )}
      </EditableList>
      <OutputTarget nodeId={node.id} field="next" label="Next" value={node.next} />
    </Stack>
  );
}
