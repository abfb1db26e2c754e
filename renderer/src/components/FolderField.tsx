import { Button, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolderOpen } from '@tabler/icons-react';
import { api } from '../api/client';
import { useSession } from '../stores/session-store';

interface FolderFieldProps {
  hint: string;
  value: string;
  error: string | null;
  onChange(value: string): void;
}

/**
 * A folder path, with why it matters. On the desktop "Browse…" opens the system's folder
 * picker, and a folder chosen there may be used wherever it is (another drive too); in
 * browser mode the path is typed, as the page cannot open the studio machine's picker.
 */
export function FolderField({ hint, value, error, onChange }: FolderFieldProps) {
  const desktop = useSession((s) => s.app?.host === 'desktop');
  const browse = async () => {
    try {
      const { path } = await api.call('files:chooseFolder', { title: 'Choose a folder' });
      if (path) onChange(path);
    } catch (e) {
      notifications.show({ color: 'red', title: 'The folder picker did not open', message: `${(e as Error).message} Type the path instead.` });
    }
  };
  return (
    <>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      <TextInput
        label="Folder"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        classNames={{ input: 'lw-mono' }}
        rightSectionWidth={desktop ? 112 : undefined}
        rightSection={
          desktop && (
            <Button size="compact-sm" variant="default" leftSection={<IconFolderOpen size={14} />} onClick={() => void browse()}>
              Browse…
            </Button>
          )
        }
        data-autofocus
      />
    </>
  );
}
