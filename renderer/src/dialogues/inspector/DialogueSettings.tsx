import { Divider, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Saliency } from '../../../../main/domain/dialogue';
import type { NpcSummary } from '../../../../preload/contract/npcs';
import { NpcSelect } from '../../npcs/NpcSelect';
import { openItem } from '../../quests/navigate';
import { useEditor, useEditorStore } from '../editor-context';
import type { HeaderFields } from '../graph/dialogue-patch';
import { EnumsEditor } from './EnumsEditor';
import { OpenButton } from './OpenButton';
import { SALIENCY_ORDER, SALIENCY_RULES } from './saliency-rules';
import { TargetSelect } from './TargetSelect';
import { VariablesEditor } from './VariablesEditor';

/** What the inspector shows with nothing selected: the dialogue's own fields. */
export function DialogueSettings({ npcs }: { npcs: readonly NpcSummary[] }) {
  const store = useEditorStore();
  const name = useEditor((s) => s.dialogue.name);
  const npcId = useEditor((s) => s.dialogue.npcId ?? null);
  const notes = useEditor((s) => s.dialogue.notes ?? '');
  const start = useEditor((s) => s.dialogue.startNodeId);
  const saliency = useEditor((s) => s.dialogue.saliency ?? 'best');
  const [draftName, setDraftName] = useState<string | null>(null);
  const setHeader = (fields: HeaderFields, key: string) => store.getState().run('setHeader', { fields }, { coalesce: `header:${key}` });

  return (
    <Stack gap="sm">
      <TextInput
        size="xs"
        label="Name"
        value={draftName ?? name}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setDraftName(next);
          // An empty name is never stored; the field keeps showing what is typed until it is valid.
          if (next.trim()) setHeader({ name: next.trim() }, 'name');
        }}
        onBlur={() => setDraftName(null)}
        error={draftName !== null && !draftName.trim() ? 'Give it a name' : undefined}
        maxLength={120}
      />
      <NpcSelect
        size="xs"
        label="NPC"
        placeholder="No NPC"
        description="Whose voice the AI actions write in; new lines are theirs"
        clearable
        npcs={npcs}
        value={npcId}
        onChange={(id) => setHeader({ npcId: id }, 'npc')}
        inputContainer={(input) => (
          <OpenButton label="Open the NPC" disabled={!npcId} onOpen={() => npcId && openItem('npc', npcId)}>
            {input}
          </OpenButton>
        )}
      />
      <TargetSelect
        label="Start node"
        value={start || undefined}
        ownerId=""
        onChange={(id) => id && setHeader({ startNodeId: id }, 'start')}
      />
      <Textarea size="xs" label="Notes" rows={3} value={notes} onChange={(e) => setHeader({ notes: e.currentTarget.value }, 'notes')} />
      <Select
        size="xs"
        label="Groups pick"
        description={SALIENCY_RULES[saliency].explanation}
        data={SALIENCY_ORDER.map((rule) => ({ value: rule, label: SALIENCY_RULES[rule].label }))}
        value={saliency}
        allowDeselect={false}
        onChange={(rule) => rule && setHeader({ saliency: rule as Saliency }, 'saliency')}
      />
      <Divider />
      <Text size="xs" fw={600} tt="uppercase" c="dimmed">
        Enums
      </Text>
      <EnumsEditor />
      <Divider />
      <Text size="xs" fw={600} tt="uppercase" c="dimmed">
        Variables
      </Text>
      <VariablesEditor />
    </Stack>
  );
}
