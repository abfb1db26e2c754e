import { Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ModalActions } from '../components/ModalActions';

interface NameModalProps {
  opened: boolean;
  title: string;
  label: string;
  submitLabel: string;
  initialName?: string;
  placeholder?: string;
  onClose(): void;
  /** Resolves when done; a thrown error is shown under the field and the modal stays open. */
  onSubmit(name: string): Promise<void>;
}

/** One dialog for every "give it a name" step: new project, rename, duplicate, new item. */
export function NameModal({ opened, title, onClose, ...form }: NameModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <NameForm {...form} onClose={onClose} />
    </Modal>
  );
}

/** Mounted each time the modal opens, so it starts from the initial name. */
function NameForm({ label, submitLabel, initialName = '', placeholder, onClose, onSubmit }: Omit<NameModalProps, 'opened' | 'title'>) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Give it a name');
      return;
    }
    setBusy(true);
    try {
      await onSubmit(name.trim());
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
        <TextInput
          label={label}
          placeholder={placeholder}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          maxLength={120}
          data-autofocus
        />
        <ModalActions submitLabel={submitLabel} onCancel={onClose} busy={busy} />
      </Stack>
    </form>
  );
}
