import { Button, Group, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keyLabel } from '../app/shortcuts';
import { useUi } from '../stores/ui-store';
import { ListPaneFold } from './ListPaneFold';

/** The top of a section's item list: its title and the "New …" button that Alt+N also presses; and the list's fold button, shown at its foot. */
export function ListPaneHeader({ title, newLabel }: { title: string; newLabel: string }) {
  return (
    <>
      <Group justify="space-between" p="sm" pb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <NewItemButton label={newLabel} />
      </Group>
      <ListPaneFold />
    </>
  );
}

export function NewItemButton({ label }: { label: string }) {
  return (
    <Button
      size="xs"
      leftSection={<IconPlus size={14} />}
      onClick={() => useUi.getState().openDialog('new-item')}
      title={`${label} (${keyLabel('alt+N')})`}
    >
      {label}
    </Button>
  );
}
