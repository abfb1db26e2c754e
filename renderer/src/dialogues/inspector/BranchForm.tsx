import { Stack } from '@mantine/core';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { withOptional } from '../with-optional';
import { ConditionInput } from './ConditionInput';
import { EditableList } from './EditableList';
import { OnceSwitch } from './OnceSwitch';
import { OutputTarget } from './OutputTarget';
import { nextLocalId, useNodeEdit } from './use-node-edit';

type Branch = NodeOfKind<'branch'>;

/** Conditions tried in order (a `once` branch is taken at most once), and where to go when none holds. */
export function BranchForm({ node }: { node: Branch }) {
  const edit = useNodeEdit();
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
              problemAt={{ nodeId: node.id, field: `branches[${i}].condition` }}
              value={branch.condition}
              onChange={(condition) => replace({ ...branch, condition }, 'condition')}
            />
            <OnceSwitch label="Only once" checked={branch.once} onChange={(once) => replace(withOptional(branch, 'once', once), 'once')} />
            <OutputTarget nodeId={node.id} field={`branches[${i}].target`} label="Then go to" value={branch.target} />
          </Stack>
        )}
      </EditableList>
      <OutputTarget nodeId={node.id} field="else" label="Else" value={node.else} />
    </Stack>
  );
}
