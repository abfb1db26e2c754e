import { Autocomplete, Select, Stack } from '@mantine/core';
import { useMemo } from 'react';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { useEditor } from '../editor-context';
import { useNodeEdit } from './use-node-edit';
import type { DialogueSummary } from '../../../../preload/contract/dialogues';

/**
 * A jump within this dialogue (a node id, typed or picked) or into another dialogue. The
 * node id is free text on purpose: a jump can be written before its target exists, and
 * validation flags it until it does.
 */
export function JumpForm({ node, dialogues }: { node: NodeOfKind<'jump'>; dialogues: readonly DialogueSummary[] }) {
  const edit = useNodeEdit();
  const nodes = useEditor((s) => s.dialogue.nodes);
  const ids = useMemo(() => Object.keys(nodes), [nodes]);
  const ownId = useEditor((s) => s.id);
  const set = (change: { dialogueId?: string; nodeId?: string }, field: string) => {
    const next: NodeOfKind<'jump'> = { id: node.id, kind: 'jump', position: node.position };
    const merged = { dialogueId: node.dialogueId, nodeId: node.nodeId, ...change };
    if (merged.dialogueId) next.dialogueId = merged.dialogueId;
    if (merged.nodeId) next.nodeId = merged.nodeId;
    edit(next, field);
  };
  return (
    <Stack gap="xs">
      <Select
        size="xs"
        label="Dialogue"
        placeholder="This dialogue"
        clearable
        data={dialogues.filter((d) => d.id !== ownId).map((d) => ({ value: d.id, label: d.name }))}
        value={node.dialogueId ?? null}
        onChange={(dialogueId) => set({ dialogueId: dialogueId ?? undefined, nodeId: undefined }, 'dialogueId')}
      />
      <Autocomplete
        size="xs"
        label={node.dialogueId ? 'Node in that dialogue' : 'Target node'}
        placeholder={node.dialogueId ? 'Its start' : 'Node id'}
        data={node.dialogueId ? [] : ids.filter((id) => id !== node.id)}
        value={node.nodeId ?? ''}
        onChange={(nodeId) => set({ nodeId: nodeId.trim() || undefined }, 'nodeId')}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
    </Stack>
  );
}
