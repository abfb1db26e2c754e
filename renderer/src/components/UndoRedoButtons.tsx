import { ActionIcon, Tooltip, type MantineSize } from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp } from '@tabler/icons-react';

interface UndoRedoButtonsProps {
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  /** Tooltips, e.g. naming the step and its shortcut. */
  undoTip?: string;
  redoTip?: string;
  size?: MantineSize;
}

/** The undo and redo buttons of an editor's header, disabled when there is nothing to take back or do again. */
export function UndoRedoButtons({ canUndo, canRedo, onUndo, onRedo, undoTip = 'Undo', redoTip = 'Redo', size }: UndoRedoButtonsProps) {
  return (
    <>
      <Tooltip label={undoTip}>
        <ActionIcon variant="subtle" color="gray" size={size} aria-label="Undo" disabled={!canUndo} onClick={onUndo}>
          <IconArrowBackUp size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={redoTip}>
        <ActionIcon variant="subtle" color="gray" size={size} aria-label="Redo" disabled={!canRedo} onClick={onRedo}>
          <IconArrowForwardUp size={18} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}
