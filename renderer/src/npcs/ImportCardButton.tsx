import { Button, FileButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useNpcs } from '../stores/npc-store';
import { readFileAsBase64 } from './files';

/** "Import card…": a Character Card V1/V2/V3 as JSON or PNG becomes a new NPC. */
export function ImportCardButton({ label }: { label: string }) {
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      const { persona } = await useNpcs.getState().importCard(await readFileAsBase64(file));
      notifications.show({ title: 'Card imported', message: `${persona.name || 'The NPC'} is in your project.` });
    } catch (error) {
      notifications.show({ color: 'red', title: `Could not import ${file.name}`, message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <FileButton onChange={(file) => void importFile(file)} accept=".json,.png,application/json,image/png">
      {(props) => (
        <Button
          size="xs"
          variant="default"
          title="Import a Character Card V1, V2 or V3 (PNG or JSON)"
          leftSection={<IconFileImport size={14} />}
          loading={busy}
          {...props}
        >
          {label}
        </Button>
      )}
    </FileButton>
  );
}
