import { Autocomplete, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { normalizeFolder } from '../../../main/domain/script';
import { ModalActions } from '../components/ModalActions';

interface FolderModalProps {
  opened: boolean;
  title: string;
  submitLabel: string;
  initialFolder: string;
  /** Folders to suggest. */
  folders: readonly string[];
  onClose(): void;
  /** Resolves when done; a thrown error is shown under the field and the modal stays open. */
  onSubmit(folder: string): Promise<void>;
}

/** Asks for a folder path (`Quests/Village`; empty for the top level), suggesting the folders that exist. */
export function FolderModal({ opened, title, onClose, ...form }: FolderModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <FolderForm {...form} onClose={onClose} />
    </Modal>
  );
}

function FolderForm({ submitLabel, initialFolder, folders, onClose, onSubmit }: Omit<FolderModalProps, 'opened' | 'title'>) {
  const [value, setValue] = useState(initialFolder);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const folder = normalizeFolder(value);
    if (folder === null) {
      setError('Use folder names separated by “/”, at most 8 deep, without “.” or “..”');
      return;
    }
    setBusy(true);
    try {
      await onSubmit(folder);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <Autocomplete
          label="Folder"
          description="Folders nest with “/”, like NPCs/Guards. Leave empty for the top level."
          placeholder="Top level"
          data={[...folders]}
          value={value}
          onChange={(v) => {
            setValue(v);
            setError(null);
          }}
          error={error}
          data-autofocus
        />
        <ModalActions submitLabel={submitLabel} onCancel={onClose} busy={busy} />
      </Stack>
    </form>
  );
}
