import { Textarea } from '@mantine/core';

interface TitleInputProps {
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  maxLength: number;
  /** Why the studio refused to save it, shown under it. */
  error?: string;
}

/**
 * An item's name as the heading of its editor, edited in place. A long name wraps onto more
 * lines instead of being cut at the field's edge; it stays one line of text (Enter does not break it).
 */
export function TitleInput({ label, placeholder, value, onChange, maxLength, error }: TitleInputProps) {
  return (
    <Textarea
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.replace(/[\r\n]+/g, ' '))}
      onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
      autosize
      minRows={1}
      variant="unstyled"
      size="xl"
      styles={{ input: { fontWeight: 650, fontSize: 26, lineHeight: 1.25, color: 'var(--mantine-color-text)' } }}
      maxLength={maxLength}
      error={error}
      flex={1}
      miw={280}
    />
  );
}
