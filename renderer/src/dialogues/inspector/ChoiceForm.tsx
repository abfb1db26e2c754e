import { Stack, TextInput } from '@mantine/core';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { useEditor } from '../editor-context';
import { ConditionInput } from './ConditionInput';
import { EditableList } from './EditableList';
import { OutputTarget } from './OutputTarget';
import { nextLocalId, useNodeEdit } from './use-node-edit';

type Choice = NodeOfKind<'choice'>;
type Option = Choice['options'][number];

/** The option after an edit, its condition left out when empty rather than stored blank. */
function tidy(option: Option): Option {
  const next = { ...option };
  if (!next.condition) delete next.condition;
  return next;
}

/** The player's options: text, an optional condition for showing it, and where it leads. */
export function ChoiceForm({ node }: { node: Choice }) {
  const edit = useNodeEdit();
  const variables = useEditor((s) => s.dialogue.variables);
  return (
    <Stack gap="xs">
      <EditableList
        items={node.options}
        itemKey={(option) => option.id}
        itemTitle={(_, i) => `Option ${i + 1}`}
        onChange={(options, field) => edit({ ...node, options }, field)}
        addLabel="Add option"
        newItem={() => ({ id: nextLocalId('o', node.options), text: '' })}
      >
        {(option, i, replace) => (
          <Stack gap={6}>
            <TextInput
              size="xs"
              aria-label={`Option ${i + 1} text`}
              placeholder="What the player says"
              value={option.text}
              onChange={(e) => replace(tidy({ ...option, text: e.currentTarget.value }), 'text')}
            />
            <ConditionInput
              label="Shown when"
              optional
              value={option.condition ?? ''}
              variables={variables}
              onChange={(condition) => replace(tidy({ ...option, condition }), 'condition')}
            />
            <OutputTarget nodeId={node.id} field={`options[${i}].target`} label="Leads to" value={option.target} />
          </Stack>
        )}
      </EditableList>
    </Stack>
  );
}
