import { TextInput } from '@mantine/core';

interface TitleInputProps {
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  maxLength: number;
}

/** An item's name as the heading of its editor, edited in place. */
export function TitleInput({ label, placeholder, value, onChange, maxLength }: TitleInputProps) {
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
      flex={1}
    />
  );
}
