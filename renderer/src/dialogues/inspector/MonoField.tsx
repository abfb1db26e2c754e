import { TextInput, type TextInputProps } from '@mantine/core';

const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

interface MonoFieldProps extends Omit<TextInputProps, 'size' | 'styles' | 'onChange'> {
  onChange(value: string): void;
}

/** A small text field in the monospace font, for ids, names and expressions the game reads as written. */
export function MonoField({ onChange, ...props }: MonoFieldProps) {
  return <TextInput size="xs" {...props} onChange={(e) => onChange(e.currentTarget.value)} styles={MONO} />;
}
