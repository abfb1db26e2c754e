import { Group, NumberInput, Select, Stack } from '@mantine/core';
import { setVariableAction, type DialogueAction, type NodeOfKind, type VariableDeclaration } from '../../../../main/domain/dialogue';
import type { QuestOutlineView } from '../../../../preload/contract/quests';
import { openItem } from '../../quests/navigate';
import { useWorldReveal } from '../../quests/world/world-reveal';
import { useEditor } from '../editor-context';
import { useReferences } from '../references/reference-store';
import { withOptional } from '../with-optional';
import { LanguageField } from '../language/LanguageField';
import { EditableList } from './EditableList';
import { MonoField } from './MonoField';
import { OutputTarget } from './OutputTarget';
import { ReferenceSelect } from './ReferenceSelect';
import { parseScalar } from './parse-scalar';
import { SetVariableFields } from './SetVariableFields';
import { useNodeEdit } from './use-node-edit';

type ActionType = DialogueAction['type'];

const ACTION_TYPES: { value: ActionType; label: string }[] = [
  { value: 'setVariable', label: 'Set variable' },
  { value: 'call', label: 'Call a function' },
  { value: 'commandText', label: 'Game command (text)' },
  { value: 'startQuest', label: 'Start quest' },
  { value: 'advanceQuest', label: 'Advance quest' },
  { value: 'completeObjective', label: 'Complete objective' },
  { value: 'completeQuest', label: 'Complete quest' },
  { value: 'giveItem', label: 'Give item' },
  { value: 'command', label: 'Custom command' },
];

/** What a fresh action names: the first declared variable, quest (and its first objective) and item of the project. */
interface ActionDefaults {
  variable: VariableDeclaration | undefined;
  quest: QuestOutlineView | undefined;
  itemId: string | undefined;
}

/**
 * A fresh action of a type, naming the first thing of its kind the project has. With none,
 * a placeholder stays that the picker and the validation point out until one exists.
 */
function blankAction(type: ActionType, defaults: ActionDefaults): DialogueAction {
  const questId = defaults.quest?.id ?? 'quest';
  switch (type) {
    case 'setVariable':
      return setVariableAction(defaults.variable);
    case 'startQuest':
    case 'completeQuest':
    case 'advanceQuest':
      return { type, questId };
    case 'completeObjective':
      return { type, questId, objectiveId: defaults.quest?.objectives[0]?.id ?? 'objective' };
    case 'giveItem':
      return { type, itemId: defaults.itemId ?? 'item', count: 1 };
    case 'command':
      return { type, name: 'command', args: [] };
    case 'call':
      return { type, expression: 'assert(true)' };
    case 'commandText':
      return { type, text: 'command' };
  }
}

function useActionDefaults(): ActionDefaults {
  const variable = useEditor((s) => s.dialogue.variables.find((v) => v.type !== 'smart'));
  const quest = useReferences((s) => s.quests[0]);
  const itemId = useReferences((s) => s.items[0]?.id);
  return { variable, quest, itemId };
}

type QuestAction = Extract<DialogueAction, { questId: string }>;

/** The quest an action names, picked by title, and with it the stage or objective the action needs. */
function QuestActionFields({ action, onChange }: { action: QuestAction; onChange(action: DialogueAction): void }) {
  const quests = useReferences((s) => s.quests);
  const quest = quests.find((q) => q.id === action.questId);
  const questPicker = (
    <ReferenceSelect
      label="Quest"
      noun="quest"
      value={action.questId}
      data={quests.map((q) => ({ value: q.id, label: q.title.trim() || 'Untitled quest' }))}
      known={Boolean(quest)}
      onChange={(questId) => {
        const objectiveId = quests.find((q) => q.id === questId)?.objectives[0]?.id ?? 'objective';
        // Another quest's stages and objectives are its own: the stage goes back to "next", the objective to its first.
        if (action.type === 'completeObjective') onChange({ ...action, questId, objectiveId });
        else if (action.type === 'advanceQuest') onChange(withOptional({ ...action, questId }, 'stage', undefined));
        else onChange({ ...action, questId });
      }}
      onOpen={() => openItem('quest', action.questId)}
    />
  );
  if (action.type === 'advanceQuest') {
    const stages = quest?.stages ?? [];
    return (
      <Stack gap={6}>
        {questPicker}
        <Select
          size="xs"
          label="To stage"
          data={[
            { value: 'next', label: 'The next stage' },
            ...stages.map((stage, i) => ({ value: String(i), label: `${i + 1}. ${stage.title.trim() || stage.id}` })),
          ]}
          value={action.stage === undefined ? 'next' : String(action.stage)}
          onChange={(v) => onChange(withOptional(action, 'stage', v && v !== 'next' ? Number(v) : undefined))}
          allowDeselect={false}
          searchable
          error={
            quest && action.stage !== undefined && action.stage >= stages.length ? `The quest has no stage ${action.stage + 1}` : undefined
          }
        />
      </Stack>
    );
  }
  if (action.type !== 'completeObjective') return questPicker;
  const objectives = quest?.objectives ?? [];
  const groups = (quest?.stages ?? []).map((stage) => ({
    group: stage.title.trim() || stage.id,
    items: objectives.filter((o) => o.stageId === stage.id).map((o) => ({ value: o.id, label: o.description.trim() || o.id })),
  }));
  return (
    <Stack gap={6}>
      {questPicker}
      <ReferenceSelect
        label="Objective"
        noun="objective"
        value={action.objectiveId}
        data={groups.filter((g) => g.items.length)}
        known={objectives.some((o) => o.id === action.objectiveId)}
        onChange={(objectiveId) => onChange({ ...action, objectiveId })}
      />
    </Stack>
  );
}

/** Where an action sits (its node, and `actions[i]`), so checks and validation findings show at its fields. */
interface ActionPlace {
  nodeId: string;
  field: string;
}

function ActionFields({ action, at, onChange }: { action: DialogueAction; at: ActionPlace; onChange(action: DialogueAction): void }) {
  const items = useReferences((s) => s.items);
  switch (action.type) {
    case 'setVariable':
      return <SetVariableFields action={action} at={at} onChange={onChange} />;
    case 'call':
      return (
        <LanguageField
          language="expression"
          label="Call"
          description="Evaluated for its effect; a failed assert() ends the conversation"
          placeholder="assert($gold >= 0)"
          problemAt={{ nodeId: at.nodeId, field: `${at.field}.expression` }}
          value={action.expression}
          onChange={(expression) => onChange({ ...action, expression })}
        />
      );
    case 'commandText':
      return (
        <LanguageField
          language="template"
          label="Command"
          description={'Name, then arguments split at spaces; {$var} inserts a value, "quotes" keep spaces'}
          placeholder='show_item {$item} "big box"'
          problemAt={{ nodeId: at.nodeId, field: `${at.field}.text` }}
          value={action.text}
          onChange={(text) => onChange({ ...action, text })}
        />
      );
    case 'startQuest':
    case 'completeQuest':
    case 'advanceQuest':
    case 'completeObjective':
      return <QuestActionFields action={action} onChange={onChange} />;
    case 'giveItem':
      return (
        <Group gap={6} grow align="flex-start">
          <ReferenceSelect
            label="Item"
            noun="item"
            value={action.itemId}
            data={items.map((item) => ({ value: item.id, label: item.name }))}
            known={items.some((item) => item.id === action.itemId)}
            onChange={(itemId) => onChange({ ...action, itemId })}
            onOpen={() => useWorldReveal.getState().reveal('item', action.itemId)}
          />
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
  const defaults = useActionDefaults();
  return (
    <Stack gap="xs">
      <EditableList
        items={node.actions}
        itemKey={(_, i) => i}
        itemTitle={(_, i) => `Action ${i + 1}`}
        onChange={(actions, field) => edit({ ...node, actions }, field)}
        addLabel="Add action"
        newItem={() => blankAction('setVariable', defaults)}
      >
        {(action, i, replace) => (
          <Stack gap={6}>
            <Select
              size="xs"
              aria-label={`Action ${i + 1} type`}
              data={ACTION_TYPES}
              value={action.type}
              allowDeselect={false}
              onChange={(type) => type && replace(blankAction(type as ActionType, defaults), 'type')}
            />
            <ActionFields action={action} at={{ nodeId: node.id, field: `actions[${i}]` }} onChange={(next) => replace(next, 'fields')} />
          </Stack>
        )}
      </EditableList>
      <OutputTarget nodeId={node.id} field="next" label="Next" value={node.next} />
    </Stack>
  );
}
