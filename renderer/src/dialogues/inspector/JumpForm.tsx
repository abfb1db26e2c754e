import { Select, Stack, TextInput } from '@mantine/core';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { useEditor } from '../editor-context';
import { openItem } from '../../quests/navigate';
import { OpenButton } from './OpenButton';
import { TargetSelect } from './TargetSelect';
import { useNodeEdit } from './use-node-edit';
import type { DialogueSummary } from '../../../../preload/contract/dialogues';

/**
 * A jump within this dialogue (a node picked by what it says) or into another dialogue,
 * at its start or at a node id typed in (that dialogue's nodes are not loaded here).
 */
export function JumpForm({ node, dialogues }: { node: NodeOfKind<'jump'>; dialogues: readonly DialogueSummary[] }) {
  const edit = useNodeEdit();
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
        searchable
        inputContainer={(input) => (
          <OpenButton
            label="Open that dialogue"
            disabled={!node.dialogueId}
            onOpen={() => node.dialogueId && openItem('dialogue', node.dialogueId, node.nodeId)}
          >
            {input}
          </OpenButton>
        )}
      />
      {node.dialogueId ? (
        <TextInput
          size="xs"
          label="Node in that dialogue"
          placeholder="Its start"
          value={node.nodeId ?? ''}
          onChange={(e) => set({ nodeId: e.currentTarget.value.trim() || undefined }, 'nodeId')}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
      ) : (
        <TargetSelect label="Target node" value={node.nodeId} ownerId={node.id} onChange={(nodeId) => set({ nodeId }, 'nodeId')} />
      )}
    </Stack>
  );
}
