import { Autocomplete, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { normalizeFolder, SCRIPT_LANGUAGE_LABELS, SCRIPT_LANGUAGES, type ScriptLanguage } from '../../../main/domain/script';
import { ModalActions } from '../components/ModalActions';

interface NewScriptModalProps {
  opened: boolean;
  folders: readonly string[];
  initialFolder: string;
  onClose(): void;
  onSubmit(name: string, language: ScriptLanguage, folder: string): Promise<void>;
}

/** Name, language and folder of a new script. */
export function NewScriptModal({ opened, onClose, ...form }: NewScriptModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="New script" centered>
      <NewScriptForm {...form} onClose={onClose} />
    </Modal>
  );
}

function NewScriptForm({ folders, initialFolder, onClose, onSubmit }: Omit<NewScriptModalProps, 'opened'>) {
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<ScriptLanguage>('luau');
  const [folder, setFolder] = useState(initialFolder);
  const [error, setError] = useState<{ name?: string; folder?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const path = normalizeFolder(folder);
    if (!name.trim() || path === null) {
      setError({
        name: name.trim() ? undefined : 'Give it a name',
        folder: path === null ? 'Use folder names separated by “/”, without “.” or “..”' : undefined,
      });
      return;
    }
    setBusy(true);
    try {
      await onSubmit(name.trim(), language, path);
      onClose();
    } catch (e) {
      setError({ form: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label="Name"
          placeholder="GuardPatrol"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error.name}
          maxLength={120}
          data-autofocus
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Language
          </Text>
          <SegmentedControl
            aria-label="Language"
            value={language}
            onChange={(v) => setLanguage(v as ScriptLanguage)}
            data={SCRIPT_LANGUAGES.map((l) => ({ value: l, label: SCRIPT_LANGUAGE_LABELS[l] }))}
          />
          <Text size="xs" c="dimmed">
            Luau runs in Roblox; TypeScript and JavaScript run in web worlds; JSON holds data.
          </Text>
        </Stack>
        <Autocomplete label="Folder" placeholder="Top level" data={[...folders]} value={folder} onChange={setFolder} error={error.folder} />
        {error.form && (
          <Text size="sm" c="red">
            {error.form}
          </Text>
        )}
        <ModalActions submitLabel="Create" onCancel={onClose} busy={busy} />
      </Stack>
    </form>
  );
}
