import { Group, Stack, Textarea, TextInput } from '@mantine/core';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { OutputTarget } from './OutputTarget';
import { useNodeEdit } from './use-node-edit';

/** A spoken line, or an AI line with its instruction and fallback. */
export function LineForm({ node }: { node: NodeOfKind<'line'> | NodeOfKind<'aiLine'> }) {
  const edit = useNodeEdit();
  const set = (field: string, value: string) => edit({ ...node, [field]: value } as typeof node, field);
  return (
    <Stack gap="xs">
      <Group grow gap="xs">
        <TextInput size="xs" label="Speaker" placeholder="Narrator" value={node.speaker} onChange={(e) => set('speaker', e.currentTarget.value)} />
        <TextInput
          size="xs"
          label="Emotion"
          placeholder="neutral"
          value={node.emotion ?? ''}
          onChange={(e) => {
            const { emotion: _old, ...rest } = node;
            const emotion = e.currentTarget.value;
            edit((emotion ? { ...rest, emotion } : rest) as typeof node, 'emotion');
          }}
        />
      </Group>
      {node.kind === 'line' ? (
        <Textarea size="xs" label="Text" autosize minRows={3} maxRows={10} value={node.text} onChange={(e) => set('text', e.currentTarget.value)} />
      ) : (
        <>
          <Textarea
            size="xs"
            label="Instruction"
            description="What the NPC improvises about, in its own voice"
            autosize
            minRows={2}
            maxRows={8}
            value={node.instruction}
            onChange={(e) => set('instruction', e.currentTarget.value)}
          />
          <Textarea
            size="xs"
            label="Fallback line"
            description="Said as written when no model is available"
            autosize
            minRows={2}
            maxRows={8}
            value={node.fallbackText}
            onChange={(e) => set('fallbackText', e.currentTarget.value)}
          />
        </>
      )}
      <TextInput
        size="xs"
        label="Line id"
        description="Stable id for translations and voice-over"
        value={node.lineId}
        onChange={(e) => set('lineId', e.currentTarget.value)}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <OutputTarget nodeId={node.id} field="next" label="Next" value={node.next} />
    </Stack>
  );
}
