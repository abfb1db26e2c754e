import { Textarea } from '@mantine/core';

interface TextAreaFieldProps {
  label: string;
  description?: string;
  minRows: number;
  maxRows: number;
  value: string;
  onChange(value: string): void;
}

/** A growing multi-line field for prose, so every long text in the inspector sizes and behaves alike. */
export function TextAreaField({ label, description, minRows, maxRows, value, onChange }: TextAreaFieldProps) {
  return (
    <Textarea
      size="xs"
      label={label}
      description={description}
      autosize
      minRows={minRows}
      maxRows={maxRows}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
