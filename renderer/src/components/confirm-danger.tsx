import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';

interface ConfirmDanger {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void | Promise<void>;
}

/** Asks before anything that moves or removes a creator's work. */
export function confirmDanger({ title, body, confirmLabel, onConfirm }: ConfirmDanger): void {
  modals.openConfirmModal({
    title,
    centered: true,
    children: <Text size="sm">{body}</Text>,
    labels: { confirm: confirmLabel, cancel: 'Cancel' },
    confirmProps: { color: 'red' },
    onConfirm: () => void onConfirm(),
  });
}
