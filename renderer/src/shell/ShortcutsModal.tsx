import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { keyLabel, SHORTCUTS } from '../app/shortcuts';

export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" centered>
      <Stack gap="xs">
        {SHORTCUTS.map((s) => (
          <Group key={s.keys} justify="space-between" wrap="nowrap">
            <Text size="sm">{s.label}</Text>
            <Kbd>{keyLabel(s.keys)}</Kbd>
          </Group>
        ))}
      </Stack>
    </Modal>
  );
}
