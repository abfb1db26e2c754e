import { Stack } from '@mantine/core';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { useEditor } from '../editor-context';
import { ConditionInput } from './ConditionInput';
import { EditableList } from './EditableList';
import { OutputTarget } from './OutputTarget';
import { nextLocalId, useNodeEdit } from './use-node-edit';

type Branch = NodeOfKind<'branch'>;

/** Conditions tried in order, and where to go when none holds. */
export function BranchForm({ node }: { node: Branch }) {
  const edit = useNodeEdit();
  const variables = useEditor((s) => s.dialogue.variables);
  return (
    <Stack gap="xs">
      <EditableList
        items={node.branches}
        itemKey={(branch) => branch.id}
        itemTitle={(_, i) => `Branch ${i + 1}`}
        onChange={(branches, field) => edit({ ...node, branches }, field)}
        addLabel="Add condition"
        newItem={() => ({ id: nextLocalId('b', node.branches), condition: '' })}
      >
        {(branch, i, replace) => (
          <Stack gap={6}>
            <ConditionInput
              label="If"
              value={branch.condition}
              variables={variables}
              onChange={(condition) => replace({ ...branch, condition }, 'condition')}
            />
            <OutputTarget nodeId={node.id} field={`branches[${i}].target`} label="Then go to" value={branch.target} />
          </Stack>
        )}
      </EditableList>
      <OutputTarget nodeId={node.id} field="else" label="Else" value={node.else} />
    </Stack>
  );
}
