import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The "Add …" button under each inspector list, so every list offers it the same way. */
export function AddItemButton({ onClick, children }: { onClick(): void; children: ReactNode }) {
  return (
    <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onClick}>
      {children}
    </Button>
  );
}
