import { ActionIcon, Button, Divider, Group, Menu, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBold,
  IconChevronDown,
  IconEye,
  IconH1,
  IconH2,
  IconH3,
  IconItalic,
  IconList,
  IconListNumbers,
  IconListTree,
  IconPencilStar,
  IconPlayerStop,
  IconQuote,
  IconSearch,
  IconSignature,
  IconSparkles,
  IconTextWrap,
  IconUserCircle,
} from '@tabler/icons-react';
import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useEditorState } from '@tiptap/react';
import { memo, type ReactNode } from 'react';
import { keyLabel } from '../app/shortcuts';
import { AI_UNAVAILABLE, useAiAvailable } from '../components/use-ai-available';

export type StoryAiAction = 'rewrite' | 'summary' | 'outline' | 'names';

interface StoryToolbarProps {
  editor: Editor;
  focusMode: boolean;
  continuing: boolean;
  onToggleFocus(): void;
  onFind(): void;
  onContinue(): void;
  onStopContinue(): void;
  onAi(action: StoryAiAction): void;
}

interface ToolButtonProps {
  label: string;
  active?: boolean;
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
}

function ToolButton({ label, active, disabled, onClick, children }: ToolButtonProps) {
  return (
    <Tooltip label={label} openDelay={300}>
      <ActionIcon
        variant={active ? 'light' : 'subtle'}
        color={active ? undefined : 'gray'}
        aria-label={label}
        aria-pressed={active}
        disabled={disabled}
        onClick={onClick}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** Formatting, find, focus mode and the AI co-writer's actions above the prose. */
export const StoryToolbar = memo(function StoryToolbar({
  editor,
  focusMode,
  continuing,
  onToggleFocus,
  onFind,
  onContinue,
  onStopContinue,
  onAi,
}: StoryToolbarProps) {
  const ai = useAiAvailable();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      // The history's depths, not e.can(): that builds every command of the editor on each keystroke.
      canUndo: undoDepth(e.state) > 0,
      canRedo: redoDepth(e.state) > 0,
      selection: !e.state.selection.empty,
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <Group
      gap={2}
      px="lg"
      py={6}
      wrap="nowrap"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      role="toolbar"
      aria-label="Formatting"
    >
      <ToolButton label="Chapter heading" active={active.h1} onClick={() => chain().toggleHeading({ level: 1 }).run()}>
        <IconH1 size={18} />
      </ToolButton>
      <ToolButton label="Section heading" active={active.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        <IconH2 size={18} />
      </ToolButton>
      <ToolButton label="Subsection heading" active={active.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        <IconH3 size={18} />
      </ToolButton>
      <Divider orientation="vertical" mx={4} />
      <ToolButton label={`Bold (${keyLabel('mod+B')})`} active={active.bold} onClick={() => chain().toggleBold().run()}>
        <IconBold size={18} />
      </ToolButton>
      <ToolButton label={`Italic (${keyLabel('mod+I')})`} active={active.italic} onClick={() => chain().toggleItalic().run()}>
        <IconItalic size={18} />
      </ToolButton>
      <ToolButton label="Bulleted list" active={active.bullet} onClick={() => chain().toggleBulletList().run()}>
        <IconList size={18} />
      </ToolButton>
      <ToolButton label="Numbered list" active={active.ordered} onClick={() => chain().toggleOrderedList().run()}>
        <IconListNumbers size={18} />
      </ToolButton>
      <ToolButton label="Quote" active={active.quote} onClick={() => chain().toggleBlockquote().run()}>
        <IconQuote size={18} />
      </ToolButton>
      <Divider orientation="vertical" mx={4} />
      <ToolButton label={`Undo (${keyLabel('mod+Z')})`} disabled={!active.canUndo} onClick={() => chain().undo().run()}>
        <IconArrowBackUp size={18} />
      </ToolButton>
      <ToolButton label={`Redo (${keyLabel('mod+shift+Z')})`} disabled={!active.canRedo} onClick={() => chain().redo().run()}>
        <IconArrowForwardUp size={18} />
      </ToolButton>
      <Divider orientation="vertical" mx={4} />
      <ToolButton label={`Find and replace (${keyLabel('mod+F')})`} onClick={onFind}>
        <IconSearch size={18} />
      </ToolButton>
      <ToolButton label="Focus mode: dim all but the paragraph you are in" active={focusMode} onClick={onToggleFocus}>
        <IconEye size={18} />
      </ToolButton>
      <Group gap={6} ml="auto" wrap="nowrap">
        {continuing ? (
          <Button size="xs" color="red" variant="light" leftSection={<IconPlayerStop size={14} />} onClick={onStopContinue}>
            Stop
          </Button>
        ) : (
          <Tooltip
            label={ai ? `Continue from the cursor as a suggestion: Tab accepts, Esc rejects (${keyLabel('mod+Enter')})` : AI_UNAVAILABLE}
          >
            <span>
              <Button size="xs" variant="light" leftSection={<IconSparkles size={14} />} disabled={!ai} onClick={onContinue}>
                Continue
              </Button>
            </span>
          </Tooltip>
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Tooltip label={AI_UNAVAILABLE} disabled={ai}>
              <span>
                <Button size="xs" variant="light" rightSection={<IconChevronDown size={14} />} disabled={!ai}>
                  AI
                </Button>
              </span>
            </Tooltip>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencilStar size={16} />} disabled={!active.selection} onClick={() => onAi('rewrite')}>
              Rewrite selection…
            </Menu.Item>
            <Menu.Item leftSection={<IconTextWrap size={16} />} onClick={() => onAi('summary')}>
              Summarize
            </Menu.Item>
            <Menu.Item leftSection={<IconListTree size={16} />} onClick={() => onAi('outline')}>
              Generate an outline
            </Menu.Item>
            <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => onAi('names')}>
              Name generator…
            </Menu.Item>
            {!active.selection && (
              <Menu.Label>
                <IconSignature size={12} /> Select text to rewrite it
              </Menu.Label>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
});
