import { Button, FileButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { NpcPersona } from '../../../main/domain/npc';
import { keyProblems } from '../../../main/domain/testchat/lorebook-key';
import { entryLabel } from '../../../main/domain/testchat/lorebook-scan';
import { useNpcs } from '../stores/npc-store';
import { readFileAsBase64 } from './files';

/** The card's lorebook keys the studio cannot run, as "entry: key" (these never match in chat). */
const brokenKeys = (persona: NpcPersona) =>
  (persona.lorebook?.entries ?? []).flatMap((entry, index) => keyProblems(entry).map(({ key }) => `${entryLabel(entry, index)}: ${key}`));

/**
 * "Import card…": a Character Card V1/V2/V3 as JSON or PNG becomes a new NPC. Regex keys
 * the studio cannot run are named right away (and on their entries in the Lorebook tab).
 */
export function ImportCardButton({ label }: { label: string }) {
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      const { persona } = await useNpcs.getState().importCard(await readFileAsBase64(file));
      notifications.show({ title: 'Card imported', message: `${persona.name || 'The NPC'} is in your project.` });
      const broken = brokenKeys(persona);
      if (broken.length > 0) {
        notifications.show({
          color: 'yellow',
          autoClose: false,
          title: `${broken.length === 1 ? 'A lorebook key' : `${broken.length} lorebook keys`} will never match`,
          message: `${broken.slice(0, 3).join('; ')}${broken.length > 3 ? '; …' : ''}. They use regex features the studio cannot run (backreferences, lookaheads); see the Lorebook tab.`,
        });
      }
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
