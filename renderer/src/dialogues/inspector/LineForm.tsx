import { Autocomplete, Group, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { useNpcs } from '../../stores/npc-store';
import { useEditor } from '../editor-context';
import { withOptional } from '../with-optional';
import { LanguageField } from '../language/LanguageField';
import { ConditionInput } from './ConditionInput';
import { MonoField } from './MonoField';
import { OnceSwitch } from './OnceSwitch';
import { OutputTarget } from './OutputTarget';
import { TextAreaField } from './TextAreaField';
import { useNodeEdit } from './use-node-edit';

/** The AI line's two prose fields grow alike. */
const AI_ROWS = { minRows: 2, maxRows: 8 };

/** The project's NPC names, the dialogue's own NPC first. */
function useSpeakers(): string[] {
  const npcs = useNpcs((s) => s.list);
  const npcId = useEditor((s) => s.dialogue.npcId);
  return useMemo(() => {
    const own = npcs?.find((npc) => npc.id === npcId)?.name;
    return [...new Set([...(own ? [own] : []), ...(npcs ?? []).map((npc) => npc.name)])];
  }, [npcs, npcId]);
}

/** A spoken line, or an AI line with its instruction and fallback. */
export function LineForm({ node }: { node: NodeOfKind<'line'> | NodeOfKind<'aiLine'> }) {
  const edit = useNodeEdit();
  const set = (field: string) => (value: string) => edit({ ...node, [field]: value } as typeof node, field);
  const speakers = useSpeakers();
  return (
    <Stack gap="xs">
      <Group grow gap="xs">
        <Autocomplete size="xs" label="Speaker" placeholder="Narrator" data={speakers} value={node.speaker} onChange={set('speaker')} />
        <TextInput
          size="xs"
          label="Emotion"
          placeholder="neutral"
          value={node.emotion ?? ''}
          onChange={(e) => edit(withOptional(node, 'emotion', e.currentTarget.value), 'emotion')}
        />
      </Group>
      {node.kind === 'line' ? (
        <>
          <LanguageField
            language="template"
            label="Text"
            description="{$gold} shows a value; [b]markup[/b] and [plural …/] are kept for the game"
            rows={{ minRows: 3, maxRows: 10 }}
            problemAt={{ nodeId: node.id, field: 'text' }}
            value={node.text}
            onChange={set('text')}
          />
          <ConditionInput
            label="Said when"
            optional
            problemAt={{ nodeId: node.id, field: 'condition' }}
            value={node.condition ?? ''}
            onChange={(condition) => edit(withOptional(node, 'condition', condition), 'condition')}
          />
          <OnceSwitch label="Only the first time" checked={node.once} onChange={(once) => edit(withOptional(node, 'once', once), 'once')} />
        </>
      ) : (
        <>
          <TextAreaField
            label="Instruction"
            description="What the NPC improvises about, in its own voice"
            {...AI_ROWS}
            value={node.instruction}
            onChange={set('instruction')}
          />
          <LanguageField
            language="template"
            label="Fallback line"
            description="Said as written when no model is available"
            rows={AI_ROWS}
            problemAt={{ nodeId: node.id, field: 'fallbackText' }}
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
