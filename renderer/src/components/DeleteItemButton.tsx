import { ActionIcon, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { confirmDanger } from './confirm-danger';

interface DeleteItemButtonProps {
  /** What the item is, for the tooltip: "NPC", "quest", "script". */
  what: string;
  name: string;
  onDelete(): void | Promise<void>;
  size?: 'md' | 'lg';
}

/** The editor header's delete button: asks first, and says the history stays in the project file. */
export function DeleteItemButton({ what, name, onDelete, size = 'lg' }: DeleteItemButtonProps) {
  return (
    <Tooltip label={`Delete this ${what}`}>
      <ActionIcon
        variant="subtle"
        color="red"
        size={size}
        aria-label={`Delete ${name}`}
        onClick={() =>
          confirmDanger({
            title: `Delete “${name}”?`,
            body: 'It disappears from the project; its history stays in the project file.',
            confirmLabel: 'Delete',
            onConfirm: onDelete,
          })
        }
      >
        <IconTrash size={18} />
      </ActionIcon>
    </Tooltip>
  );
}
