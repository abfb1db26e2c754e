import { Button, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { useEditor } from '../editor-context';
import { ConditionInput } from './ConditionInput';
import { ListItemCard, moveItem } from './ListItemCard';
import { OutputTarget } from './OutputTarget';
import { nextLocalId, useNodeEdit } from './use-node-edit';

type Choice = NodeOfKind<'choice'>;
type Option = Choice['options'][number];

/** The player's options: text, an optional condition for showing it, and where it leads. */
export function ChoiceForm({ node }: { node: Choice }) {
  const edit = useNodeEdit();
  const variables = useEditor((s) => s.dialogue.variables);
  const setOptions = (options: Option[], field: string) => edit({ ...node, options }, field);
  const update = (i: number, change: Partial<Option>, field: string) => {
    const options = node.options.map((o, j) => {
      if (j !== i) return o;
      const next = { ...o, ...change };
      if (!next.condition) delete next.condition;
      return next;
    });
    setOptions(options, `${field}.${i}`);
  };
  return (
    <Stack gap="xs">
      {node.options.map((option, i) => (
        <ListItemCard
          key={option.id}
          title={`Option ${i + 1}`}
          index={i}
          count={node.options.length}
          onMove={(to) => setOptions(moveItem(node.options, i, to), 'order')}
          onRemove={() => setOptions(node.options.filter((_, j) => j !== i), 'remove')}
        >
          <Stack gap={6}>
            <TextInput size="xs" aria-label={`Option ${i + 1} text`} placeholder="What the player says" value={option.text} onChange={(e) => update(i, { text: e.currentTarget.value }, 'text')} />
            <ConditionInput label="Shown when" optional value={option.condition ?? ''} variables={variables} onChange={(condition) => update(i, { condition }, 'condition')} />
            <OutputTarget nodeId={node.id} field={`options[${i}].target`} label="Leads to" value={option.target} />
          </Stack>
        </ListItemCard>
      ))}
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={() => setOptions([...node.options, { id: nextLocalId('o', node.options), text: '' }], 'add')}
      >
        Add option
      </Button>
    </Stack>
  );
}
