import { Group, Stack, TextInput } from '@mantine/core';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { withOptional } from '../with-optional';
import { MonoField } from './MonoField';
import { OutputTarget } from './OutputTarget';
import { TextAreaField } from './TextAreaField';
import { useNodeEdit } from './use-node-edit';

/** The AI line's two prose fields grow alike. */
const AI_ROWS = { minRows: 2, maxRows: 8 };

/** A spoken line, or an AI line with its instruction and fallback. */
export function LineForm({ node }: { node: NodeOfKind<'line'> | NodeOfKind<'aiLine'> }) {
  const edit = useNodeEdit();
  const set = (field: string) => (value: string) => edit({ ...node, [field]: value } as typeof node, field);
  return (
    <Stack gap="xs">
      <Group grow gap="xs">
        <TextInput
          size="xs"
          label="Speaker"
          placeholder="Narrator"
          value={node.speaker}
          onChange={(e) => set('speaker')(e.currentTarget.value)}
        />
        <TextInput
          size="xs"
          label="Emotion"
          placeholder="neutral"
          value={node.emotion ?? ''}
          onChange={(e) => edit(withOptional(node, 'emotion', e.currentTarget.value), 'emotion')}
        />
      </Group>
      {node.kind === 'line' ? (
        <TextAreaField label="Text" minRows={3} maxRows={10} value={node.text} onChange={set('text')} />
      ) : (
        <>
          <TextAreaField
            label="Instruction"
            description="What the NPC improvises about, in its own voice"
            {...AI_ROWS}
            value={node.instruction}
            onChange={set('instruction')}
          />
          <TextAreaField
            label="Fallback line"
            description="Said as written when no model is available"
            {...AI_ROWS}
            value={node.fallbackText}
            onChange={set('fallbackText')}
          />
        </>
      )}
      <MonoField label="Line id" description="Stable id for translations and voice-over" value={node.lineId} onChange={set('lineId')} />
      <OutputTarget nodeId={node.id} field="next" label="Next" value={node.next} />
    </Stack>
  );
}
