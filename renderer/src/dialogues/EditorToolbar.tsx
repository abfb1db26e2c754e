import { ActionIcon, Button, Divider, Group, Kbd, Menu, Popover, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconKeyboard,
  IconLayoutDistributeVertical,
  IconLayoutSidebarRightCollapse,
  IconLayoutSidebarRightExpand,
  IconMaximize,
  IconPlayerPlay,
  IconPlus,
  IconWand,
} from '@tabler/icons-react';
import type { Ref } from 'react';
import { keyLabel } from '../app/shortcuts';
import { fillEmptyLines } from './ai/ai-actions';
import { useAiJob } from './ai/ai-job-store';
import { AiButton } from '../components/AiButton';
import { useLayout } from '../shell/layout-store';
import { useTestChat } from '../testchat/testchat-store';
import { usePersona } from './ai/use-persona';
import { useEditor, useEditorStore } from './editor-context';
import type { EditorActions } from './editor-actions';
import { NodeSearch } from './NodeSearch';
import { KIND_ORDER, NODE_KINDS } from './nodes/node-kinds';
import { EDITOR_SHORTCUTS } from './use-editor-shortcuts';
import { UndoRedoButtons } from '../components/UndoRedoButtons';

/** Add nodes, undo/redo, layout and view, search, and the dialogue-wide AI action. */
export function EditorToolbar({
  actions,
  searchRef,
  fitView,
}: {
  actions: EditorActions;
  searchRef: Ref<HTMLInputElement>;
  fitView(): void;
}) {
  const inspectorCollapsed = useLayout((s) => s.inspectorCollapsed);
  const toggleInspector = useLayout((s) => s.toggleInspector);
  const inspectorLabel = inspectorCollapsed ? 'Show the inspector' : 'Hide the inspector';
  const store = useEditorStore();
  const undoLabel = useEditor((s) => s.history.past.at(-1)?.label);
  const redoLabel = useEditor((s) => s.history.future.at(-1)?.label);
  const persona = usePersona(useEditor((s) => s.dialogue.npcId));
  const start = useAiJob((s) => s.start);

  return (
    <Group gap={6} px="sm" py={6} wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Menu position="bottom-start" shadow="md" width={260}>
        <Menu.Target>
          <Button size="xs" leftSection={<IconPlus size={14} />}>
            Add node
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {KIND_ORDER.map((kind) => {
            const info = NODE_KINDS[kind];
            return (
              <Menu.Item
                key={kind}
                leftSection={<info.icon size={16} color={`var(--mantine-color-${info.color}-6)`} />}
                rightSection={<Kbd size="xs">{info.key}</Kbd>}
                onClick={() => actions.add(kind)}
              >
                <Text size="sm">{info.label}</Text>
                <Text size="xs" c="dimmed">
                  {info.hint}
                </Text>
              </Menu.Item>
            );
          })}
        </Menu.Dropdown>
      </Menu>
      <Divider orientation="vertical" />
      <UndoRedoButtons
        canUndo={Boolean(undoLabel)}
        canRedo={Boolean(redoLabel)}
        onUndo={() => store.getState().undo()}
        onRedo={() => store.getState().redo()}
        undoTip={undoLabel ? `Undo ${undoLabel} (${keyLabel('mod+Z')})` : 'Nothing to undo'}
        redoTip={redoLabel ? `Redo ${redoLabel} (${keyLabel('mod+shift+Z')})` : 'Nothing to redo'}
      />
      <Divider orientation="vertical" />
      <Tooltip label="Auto-layout: arrange the graph along its links">
        <ActionIcon variant="subtle" color="gray" aria-label="Auto-layout" onClick={() => void actions.autoLayout()}>
          <IconLayoutDistributeVertical size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Zoom to fit, text kept readable (F)">
        <ActionIcon variant="subtle" color="gray" aria-label="Zoom to fit" onClick={fitView}>
          <IconMaximize size={18} />
        </ActionIcon>
      </Tooltip>
      <AiButton
        size="xs"
        variant="subtle"
        color="grape"
        leftSection={<IconWand size={16} />}
        hint="Write every empty line in the NPC’s voice"
        onClick={() => start('Fill empty lines', (run) => fillEmptyLines(run, store.getState().dialogue, persona))}
      >
        Fill empty lines
      </AiButton>
      <Tooltip label="Play this dialogue in Test chat">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label="Play"
          onClick={() => useTestChat.getState().play(store.getState().dialogue.id)}
        >
          <IconPlayerPlay size={18} />
        </ActionIcon>
      </Tooltip>
      <Group gap={6} ml="auto" wrap="nowrap">
        <NodeSearch inputRef={searchRef} />
        <Popover position="bottom-end" shadow="md" width={320}>
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" aria-label="Editor shortcuts">
              <IconKeyboard size={18} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap={4}>
              {EDITOR_SHORTCUTS.map((s) => (
                <Group key={s.keys} justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="xs">{s.label}</Text>
                  <Kbd size="xs">{keyLabel(s.keys)}</Kbd>
                </Group>
              ))}
            </Stack>
          </Popover.Dropdown>
        </Popover>
        <Tooltip label={inspectorLabel}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={inspectorLabel}
            aria-pressed={!inspectorCollapsed}
            onClick={toggleInspector}
          >
            {inspectorCollapsed ? <IconLayoutSidebarRightExpand size={18} /> : <IconLayoutSidebarRightCollapse size={18} />}
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
