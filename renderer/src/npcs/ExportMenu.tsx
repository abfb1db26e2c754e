import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { api } from '../api/client';
import { downloadBase64 } from './files';

const FORMATS = [
  { spec: 'v2', format: 'png', label: 'Card V2 (PNG)' },
  { spec: 'v3', format: 'png', label: 'Card V3 (PNG)' },
  { spec: 'v2', format: 'json', label: 'Card V2 (JSON)' },
  { spec: 'v3', format: 'json', label: 'Card V3 (JSON)' },
] as const;

interface ExportMenuProps {
  id: string;
  /** Saves pending edits first, so the file has what the creator sees. */
  beforeExport(): Promise<void>;
}

/** Downloads the NPC as a Character Card that SillyTavern and other chat apps import. */
export function ExportMenu({ id, beforeExport }: ExportMenuProps) {
  const exportAs = async (format: 'json' | 'png', spec: 'v2' | 'v3') => {
    try {
      await beforeExport();
      const file = await api.call('npcs:exportCard', { id, format, spec });
      downloadBase64(file.fileName, file.mimeType, file.data);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not export the card', message: (error as Error).message });
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
          Export card
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Character card</Menu.Label>
        {FORMATS.map(({ spec, format, label }) => (
          <Menu.Item key={label} onClick={() => void exportAs(format, spec)}>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
