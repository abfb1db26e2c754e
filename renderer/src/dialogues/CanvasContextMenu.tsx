import { Button, Divider, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconClipboard, IconCopy, IconCursorText, IconFlag, IconScissors, IconTrash } from '@tabler/icons-react';
import { useEditorStore } from './editor-context';
import type { EditorActions } from './editor-actions';
import type { ContextMenuRequest } from './DialogueCanvas';
import { KIND_ORDER, NODE_KINDS } from './nodes/node-kinds';

/** Right-click on the canvas (add a node there, paste) or on a node (edit, copy, delete…). */
export function CanvasContextMenu({ request, actions, onClose }: { request: ContextMenuRequest; actions: EditorActions; onClose(): void }) {
  const store = useEditorStore();
  const run = (action: () => unknown) => () => {
    void action();
    onClose();
  };
  return (
    <Paper
      shadow="md"
      withBorder
      radius="md"
      p={4}
      role="menu"
      aria-label={request.nodeId ? 'Node menu' : 'Canvas menu'}
      style={{ position: 'absolute', left: request.screen.x, top: request.screen.y, zIndex: 20, minWidth: 200 }}
      onContextMenu={(e) => e.preventDefault()}
    >
      <Stack gap={0}>
        {request.nodeId ? (
          <>
            <Item leftSection={<IconCursorText size={15} />} onClick={run(() => store.getState().setEditing(request.nodeId!))}>
              Edit text
            </Item>
            <Item leftSection={<IconFlag size={15} />} onClick={run(() => actions.setStart(request.nodeId!))}>
              Make start
            </Item>
            <Item leftSection={<IconCopy size={15} />} onClick={run(actions.duplicate)}>
              Duplicate
            </Item>
            <Item leftSection={<IconClipboard size={15} />} onClick={run(() => actions.copy())}>
              Copy
            </Item>
            <Item leftSection={<IconScissors size={15} />} onClick={run(() => actions.cut())}>
              Cut
            </Item>
            <Item color="red" leftSection={<IconTrash size={15} />} onClick={run(actions.remove)}>
              Delete
            </Item>
          </>
        ) : (
          <>
            <Text size="xs" c="dimmed" px={8} py={4}>
              Add here
            </Text>
            {KIND_ORDER.map((kind) => {
              const info = NODE_KINDS[kind];
              return (
                <Item
                  key={kind}
                  leftSection={<info.icon size={15} color={`var(--mantine-color-${info.color}-6)`} />}
                  onClick={run(() => actions.add(kind, request.flow))}
                >
                  {info.label}
                </Item>
              );
            })}
            <Divider my={4} />
            <Item leftSection={<IconClipboard size={15} />} onClick={run(() => actions.paste(request.flow))}>
              Paste
            </Item>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Item({
  leftSection,
  color = 'gray',
  onClick,
  children,
}: {
  leftSection: ReactNode;
  color?: string;
  onClick(): void;
  children: ReactNode;
}) {
  return (
    <Button
      role="menuitem"
      variant="subtle"
      color={color}
      size="xs"
      justify="flex-start"
      fullWidth
      leftSection={leftSection}
      onClick={onClick}
      fw={400}
    >
      {children}
    </Button>
  );
}
