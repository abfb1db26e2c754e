import { Stack } from '@mantine/core';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { LanguageField } from '../language/LanguageField';
import { withOptional } from '../with-optional';
import { ConditionInput } from './ConditionInput';
import { EditableList } from './EditableList';
import { OnceSwitch } from './OnceSwitch';
import { OutputTarget } from './OutputTarget';
import { nextLocalId, useNodeEdit } from './use-node-edit';

type Choice = NodeOfKind<'choice'>;

/**
 * The player's options: text (with `{expressions}` and markup), an optional condition for
 * offering it, whether it can be taken only once, and where it leads; then where the
 * conversation goes when no option is open (Yarn's fallthrough).
 */
export function ChoiceForm({ node }: { node: Choice }) {
  const edit = useNodeEdit();
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
            <LanguageField
              language="template"
              aria-label={`Option ${i + 1} text`}
              placeholder="What the player says"
              problemAt={{ nodeId: node.id, field: `options[${i}].text` }}
              value={option.text}
              onChange={(text) => replace({ ...option, text }, 'text')}
            />
            <ConditionInput
              label="Shown when"
              optional
              problemAt={{ nodeId: node.id, field: `options[${i}].condition` }}
              value={option.condition ?? ''}
              onChange={(condition) => replace(withOptional(option, 'condition', condition), 'condition')}
            />
            <OnceSwitch label="Only once" checked={option.once} onChange={(once) => replace(withOptional(option, 'once', once), 'once')} />
            <OutputTarget nodeId={node.id} field={`options[${i}].target`} label="Leads to" value={option.target} />
          </Stack>
        )}
      </EditableList>
      <OutputTarget nodeId={node.id} field="else" label="When no option is open" value={node.else} />
    </Stack>
  );
}
