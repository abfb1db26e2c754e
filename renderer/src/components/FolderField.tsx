import { Text, TextInput } from '@mantine/core';

interface FolderFieldProps {
  hint: string;
  value: string;
  error: string | null;
  onChange(value: string): void;
}

/** A folder path typed by hand (browser mode cannot open the server's file picker), with why it matters. */
export function FolderField({ hint, value, error, onChange }: FolderFieldProps) {
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
        data-autofocus
      />
    </>
  );
}
