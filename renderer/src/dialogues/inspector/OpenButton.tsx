import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconArrowUpRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface OpenButtonProps {
  /** Says what opens, e.g. "Open the quest The Lost Anvil". */
  label: string;
  disabled?: boolean;
  onOpen(): void;
  /** The picker the button sits beside. */
  children: ReactNode;
}

/** A picker with a button beside it that opens what it names (the quest, the NPC, the node). */
export function OpenButton({ label, disabled, onOpen, children }: OpenButtonProps) {
  return (
    <Group gap={4} wrap="nowrap" align="center">
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
      <Tooltip label={label}>
        <ActionIcon size="md" variant="subtle" color="gray" aria-label={label} disabled={disabled} onClick={onOpen}>
          <IconArrowUpRight size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
