import { Button, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { useEditor } from '../editor-context';
import { ConditionInput } from './ConditionInput';
import { ListItemCard, moveItem } from './ListItemCard';
import { OutputTarget } from './OutputTarget';
import { nextLocalId, useNodeEdit } from './use-node-edit';

type Branch = NodeOfKind<'branch'>;

/** Conditions tried in order, and where to go when none holds. */
export function BranchForm({ node }: { node: Branch }) {
  const edit = useNodeEdit();
  const variables = useEditor((s) => s.dialogue.variables);
  const setBranches = (branches: Branch['branches'], field: string) => edit({ ...node, branches }, field);
  return (
    <Stack gap="xs">
      {node.branches.map((branch, i) => (
        <ListItemCard
          key={branch.id}
          title={`Branch ${i + 1}`}
          index={i}
          count={node.branches.length}
          onMove={(to) => setBranches(moveItem(node.branches, i, to), 'order')}
          onRemove={() => setBranches(node.branches.filter((_, j) => j !== i), 'remove')}
        >
          <Stack gap={6}>
            <ConditionInput
              label="If"
              value={branch.condition}
              variables={variables}
              onChange={(condition) => setBranches(node.branches.map((b, j) => (j === i ? { ...b, condition } : b)), `condition.${i}`)}
            />
            <OutputTarget nodeId={node.id} field={`branches[${i}].target`} label="Then go to" value={branch.target} />
          </Stack>
        </ListItemCard>
      ))}
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={() => setBranches([...node.branches, { id: nextLocalId('b', node.branches), condition: '' }], 'add')}
      >
        Add condition
      </Button>
      <OutputTarget nodeId={node.id} field="else" label="Else" value={node.else} />
    </Stack>
  );
}
