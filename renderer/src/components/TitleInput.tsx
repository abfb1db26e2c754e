import { TextInput } from '@mantine/core';

interface TitleInputProps {
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  maxLength: number;
  /** Why the studio refused to save it, shown under it. */
  error?: string;
}

/** An item's name as the heading of its editor, edited in place. */
export function TitleInput({ label, placeholder, value, onChange, maxLength, error }: TitleInputProps) {
  return (
    <TextInput
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      variant="unstyled"
      size="xl"
      styles={{ input: { fontWeight: 650, fontSize: 26, color: 'var(--mantine-color-text)' } }}
      maxLength={maxLength}
      error={error}
      flex={1}
    />
  );
}
