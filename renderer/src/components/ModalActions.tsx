import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

interface ModalActionsProps {
  /** The main action; without `onSubmit` it submits the form it sits in. */
  submitLabel: ReactNode;
  onSubmit?(): void;
  onCancel(): void;
  cancelLabel?: string;
  busy?: boolean;
  disabled?: boolean;
}

/** The row that ends every dialog: a quiet way out on the left of the main action, both at the right edge. */
export function ModalActions({ submitLabel, onSubmit, onCancel, cancelLabel = 'Cancel', busy, disabled }: ModalActionsProps) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button type={onSubmit ? 'button' : 'submit'} onClick={onSubmit} loading={busy} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
