import { SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import type { DialogueSummary } from '../../../../preload/contract/dialogues';
import { openItem } from '../../quests/navigate';
import { useEditor } from '../editor-context';
import { LanguageField } from '../language/LanguageField';
import { OtherDialogueNodeSelect } from './OtherDialogueNodeSelect';
import { OutputTarget } from './OutputTarget';
import { ReferenceSelect } from './ReferenceSelect';
import { TargetSelect } from './TargetSelect';
import { useNodeEdit } from './use-node-edit';

type Hop = NodeOfKind<'jump'> | NodeOfKind<'detour'>;
type TargetMode = 'node' | 'dialogue' | 'expression';
type TargetFields = Pick<Hop, 'dialogueId' | 'nodeId' | 'expression'>;

const MODES: { value: TargetMode; label: string }[] = [
  { value: 'node', label: 'Node here' },
  { value: 'dialogue', label: 'Other dialogue' },
  { value: 'expression', label: 'Expression' },
];

const modeOf = (node: Hop): TargetMode =>
  node.expression !== undefined ? 'expression' : node.dialogueId !== undefined ? 'dialogue' : 'node';

/** The node with its target fields replaced by `target`, empty ones left out. */
function retarget(node: Hop, target: TargetFields): Hop {
  const { dialogueId: _d, nodeId: _n, expression: _e, ...rest } = node;
  const next: Hop = { ...rest };
  if (target.dialogueId) next.dialogueId = target.dialogueId;
  if (target.nodeId) next.nodeId = target.nodeId;
  if (target.expression) next.expression = target.expression;
  return next;
}

/**
 * Where a jump or detour goes: a node of this dialogue picked by what it says, another
 * dialogue (at its start or at one of its nodes, picked by what it says), or an
 * expression that gives the id of a node here when it runs (Yarn's `<<jump {$next}>>`).
 * A detour then comes back and continues at its Next.
 */
export function JumpForm({ node, dialogues }: { node: Hop; dialogues: readonly DialogueSummary[] }) {
  const edit = useNodeEdit();
  const ownId = useEditor((s) => s.id);
  const [mode, setMode] = useState<TargetMode>(() => modeOf(node));
  const set = (target: TargetFields, field: string) => edit(retarget(node, target), field);
  const others = dialogues.filter((d) => d.id !== ownId);
  return (
    <Stack gap="xs">
      <SegmentedControl
        size="xs"
        fullWidth
        aria-label="Target by"
        data={MODES}
        value={mode}
        onChange={(value) => {
          setMode(value as TargetMode);
          // Another dialogue starts as the project's first one, as a fresh action names the first quest.
          set(value === 'dialogue' && others[0] ? { dialogueId: others[0].id } : {}, 'target-mode');
        }}
      />
      {mode === 'node' && (
        <TargetSelect label="Target node" value={node.nodeId} ownerId={node.id} onChange={(nodeId) => set({ nodeId }, 'nodeId')} />
      )}
      {mode === 'dialogue' && (
        <>
          <ReferenceSelect
            label="Dialogue"
            noun="dialogue"
            value={node.dialogueId ?? ''}
            data={others.map((d) => ({ value: d.id, label: d.name }))}
            known={others.some((d) => d.id === node.dialogueId)}
            onChange={(dialogueId) => set({ dialogueId }, 'dialogueId')}
            onOpen={() => node.dialogueId && openItem('dialogue', node.dialogueId, node.nodeId)}
          />
          <OtherDialogueNodeSelect
            dialogueId={node.dialogueId}
            value={node.nodeId}
            onChange={(nodeId) => set({ dialogueId: node.dialogueId, nodeId }, 'nodeId')}
          />
        </>
      )}
      {mode === 'expression' && (
        <LanguageField
          language="expression"
          expected="string"
          label="Target node id"
          description="A text expression giving the id of a node here, e.g. $next_scene"
          placeholder="$next_scene"
          problemAt={{ nodeId: node.id, field: 'expression' }}
          value={node.expression ?? ''}
          onChange={(expression) => set({ expression }, 'expression')}
        />
      )}
      {node.kind === 'detour' && <OutputTarget nodeId={node.id} field="next" label="Then, back here, continue at" value={node.next} />}
    </Stack>
  );
}
