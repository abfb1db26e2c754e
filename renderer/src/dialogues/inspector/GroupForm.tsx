import { Stack, Text } from '@mantine/core';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { useEditor } from '../editor-context';
import { withOptional } from '../with-optional';
import { ConditionInput } from './ConditionInput';
import { EditableList } from './EditableList';
import { OnceSwitch } from './OnceSwitch';
import { OutputTarget } from './OutputTarget';
import { SALIENCY_RULES } from './saliency-rules';
import { nextLocalId, useNodeEdit } from './use-node-edit';

type Group = NodeOfKind<'group'>;

/**
 * Candidates of a line or node group (Yarn's `=>` lines and `when:` nodes, storylets): each
 * with an optional condition, once, and the node it plays. The dialogue's saliency rule
 * picks among those available; none available continues at Else.
 */
export function GroupForm({ node }: { node: Group }) {
  const edit = useNodeEdit();
  const saliency = useEditor((s) => s.dialogue.saliency ?? 'best');
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        Picks by the dialogue’s rule: {SALIENCY_RULES[saliency].explanation} (change it in the dialogue’s settings).
      </Text>
      <EditableList
        items={node.candidates}
        itemKey={(candidate) => candidate.id}
        itemTitle={(_, i) => `Candidate ${i + 1}`}
        onChange={(candidates, field) => edit({ ...node, candidates }, field)}
        addLabel="Add candidate"
        newItem={() => ({ id: nextLocalId('c', node.candidates) })}
      >
        {(candidate, i, replace) => (
          <Stack gap={6}>
            <ConditionInput
              label="Available when"
              optional
              problemAt={{ nodeId: node.id, field: `candidates[${i}].condition` }}
              value={candidate.condition ?? ''}
              onChange={(condition) => replace(withOptional(candidate, 'condition', condition), 'condition')}
            />
            <OnceSwitch
              label="Only once"
              checked={candidate.once}
              onChange={(once) => replace(withOptional(candidate, 'once', once), 'once')}
            />
            <OutputTarget nodeId={node.id} field={`candidates[${i}].target`} label="Plays" value={candidate.target} />
          </Stack>
        )}
      </EditableList>
      <OutputTarget nodeId={node.id} field="else" label="When none is available" value={node.else} />
    </Stack>
  );
}
