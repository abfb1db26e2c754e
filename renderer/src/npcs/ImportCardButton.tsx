import { Button, FileButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { NpcPersona } from '../../../main/domain/npc';
import { keyProblems } from '../../../main/domain/testchat/lorebook-key';
import { entryLabel } from '../../../main/domain/testchat/lorebook-scan';
import type { CardImportChoice, NpcSummary } from '../../../preload/contract/npcs';
import { api } from '../api/client';
import { useNpcs } from '../stores/npc-store';
import { CardExistsModal } from './CardExistsModal';
import { readFileAsBase64 } from './files';

/** The card's lorebook keys the studio cannot run, as "entry: key" (these never match in chat). */
const brokenKeys = (persona: NpcPersona) =>
  (persona.lorebook?.entries ?? []).flatMap((entry, index) => keyProblems(entry).map(({ key }) => `${entryLabel(entry, index)}: ${key}`));

interface PendingImport {
  fileName: string;
  data: string;
  name: string;
  matches: NpcSummary[];
}

/**
 * "Import card…": a Character Card V1/V2/V3 as JSON or PNG becomes a new NPC. When the
 * project already has an NPC of the card's name, the creator chooses first: update it,
 * keep both, or cancel. Regex keys the studio cannot run are named right away (and on their
 * entries in the Lorebook tab).
 */
export function ImportCardButton({ label }: { label: string }) {
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingImport | null>(null);
  // Cleared after each pick, so choosing the same file again is a new import.
  const resetPicker = useRef<() => void>(null);

  const run = async (fileName: string, step: () => Promise<void>) => {
    setBusy(true);
    try {
      await step();
    } catch (error) {
      notifications.show({ color: 'red', title: `Could not import ${fileName}`, message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const finish = async (data: string, onExisting?: CardImportChoice) => {
    const { persona } = await useNpcs.getState().importCard(data, onExisting);
    const name = persona.name || 'The NPC';
    notifications.show({
      title: typeof onExisting === 'object' ? 'NPC updated' : 'Card imported',
      message: typeof onExisting === 'object' ? `${name} now has the card's fields.` : `${name} is in your project.`,
    });
    const broken = brokenKeys(persona);
    if (broken.length > 0) {
      notifications.show({
        color: 'yellow',
        autoClose: false,
        title: `${broken.length === 1 ? 'A lorebook key' : `${broken.length} lorebook keys`} will never match`,
        message: `${broken.slice(0, 3).join('; ')}${broken.length > 3 ? '; …' : ''}. They use regex features the studio cannot run (backreferences, lookaheads); see the Lorebook tab.`,
      });
    }
  };

  const importFile = (file: File | null) => {
    resetPicker.current?.();
    if (!file) return;
    void run(file.name, async () => {
      const data = await readFileAsBase64(file);
      const { name, matches } = await api.call('npcs:cardMatches', { data });
      if (matches.length === 0) await finish(data);
      else setPending({ fileName: file.name, data, name, matches });
    });
  };

  const choose = (choice: CardImportChoice) => {
    if (!pending) return;
    setPending(null);
    void run(pending.fileName, () => finish(pending.data, choice));
  };

  return (
    <>
      <FileButton resetRef={resetPicker} onChange={importFile} accept=".json,.png,application/json,image/png">
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
      <CardExistsModal pending={pending} onChoose={choose} onCancel={() => setPending(null)} />
    </>
  );
}
