import { Button, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconCopy, IconFlag, IconTrash } from '@tabler/icons-react';
import type { DialogueNode } from '../../../../main/domain/dialogue';
import type { NpcSummary } from '../../../../preload/contract/npcs';
import type { DialogueSummary } from '../../../../preload/contract/dialogues';
import { AiNodeActions } from '../ai/AiNodeActions';
import { useEditor } from '../editor-context';
import type { EditorActions } from '../editor-actions';
import { withOptional } from '../with-optional';
import { NODE_KINDS } from '../nodes/node-kinds';
import classes from '../dialogue-editor.module.css';
import { ActionForm } from './ActionForm';
import { BranchForm } from './BranchForm';
import { ChoiceForm } from './ChoiceForm';
import { DialogueSettings } from './DialogueSettings';
import { GroupForm } from './GroupForm';
import { JumpForm } from './JumpForm';
import { LineForm } from './LineForm';
import { SectionForm } from './SectionForm';
import { useNodeEdit } from './use-node-edit';

interface InspectorProps {
  actions: EditorActions;
  npcs: readonly NpcSummary[];
  dialogues: readonly DialogueSummary[];
}

function EndForm({ node }: { node: Extract<DialogueNode, { kind: 'end' }> }) {
  const edit = useNodeEdit();
  return (
    <TextInput
      size="xs"
      label="Outcome"
      description="Reported to the game, e.g. hired or refused"
      value={node.outcome ?? ''}
      onChange={(e) => edit(withOptional(node, 'outcome', e.currentTarget.value), 'outcome')}
    />
  );
}

function NodeForm({ node, dialogues }: { node: DialogueNode; dialogues: readonly DialogueSummary[] }) {
  switch (node.kind) {
    case 'line':
    case 'aiLine':
      return <LineForm node={node} />;
    case 'choice':
      return <ChoiceForm node={node} />;
    case 'branch':
      return <BranchForm node={node} />;
    case 'action':
      return <ActionForm node={node} />;
    case 'jump':
    case 'detour':
      return <JumpForm key={node.id} node={node} dialogues={dialogues} />;
    case 'end':
      return <EndForm node={node} />;
    case 'section':
      return <SectionForm key={node.id} node={node} />;
    case 'group':
      return <GroupForm node={node} />;
    case 'return':
      return (
        <Text size="xs" c="dimmed">
          Goes back to the detour that led here and continues after it. Outside a detour it ends the conversation.
        </Text>
      );
  }
}

/** The side panel: the selected node's full form, or the dialogue's settings when nothing is selected. */
export function Inspector({ actions, npcs, dialogues }: InspectorProps) {
  const selection = useEditor((s) => s.selection);
  const node = useEditor((s) => (s.selection.length === 1 ? s.dialogue.nodes[s.selection[0]] : undefined));
  const isStart = useEditor((s) => node !== undefined && s.dialogue.startNodeId === node.id);
  const kind = node && NODE_KINDS[node.kind];

  return (
    <aside className={classes.inspector} aria-label="Inspector">
      <div className={classes.panelHeader}>
        {kind && node ? (
          <Group gap={6} px="sm" py={8} wrap="nowrap">
            <kind.icon size={16} color={`var(--mantine-color-${kind.color}-6)`} />
            <Text size="sm" fw={600}>
              {kind.label}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" truncate>
              {node.id}
            </Text>
          </Group>
        ) : (
          <Text size="sm" fw={600} px="sm" py={8}>
            {selection.length > 1 ? `${selection.length} nodes selected` : 'Dialogue'}
          </Text>
        )}
      </div>
      <ScrollArea flex={1} type="auto" offsetScrollbars>
        <Stack p="sm" gap="md">
          {node ? (
            <>
              <NodeForm node={node} dialogues={dialogues} />
              <AiNodeActions node={node} />
              <Group gap="xs">
                {!isStart && (
                  <Button size="xs" variant="default" leftSection={<IconFlag size={14} />} onClick={() => actions.setStart(node.id)}>
                    Make start
                  </Button>
                )}
                <Button size="xs" variant="default" leftSection={<IconCopy size={14} />} onClick={actions.duplicate}>
                  Duplicate
                </Button>
                <Button size="xs" variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={actions.remove}>
                  Delete
                </Button>
              </Group>
            </>
          ) : selection.length > 1 ? (
            <Group gap="xs">
              <Button size="xs" variant="default" leftSection={<IconCopy size={14} />} onClick={actions.duplicate}>
                Duplicate
              </Button>
              <Button size="xs" variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={actions.remove}>
                Delete {selection.length} nodes
              </Button>
            </Group>
          ) : (
            <DialogueSettings npcs={npcs} />
          )}
        </Stack>
      </ScrollArea>
    </aside>
  );
}
