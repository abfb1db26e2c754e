import { Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FORM_LABELS, POEM_FORMS, type PoemForm, type PoemScheme } from '../../../main/domain/poetry';

interface PoemFormPickerProps {
  form: PoemForm;
  scheme: PoemScheme | undefined;
  onChange(form: PoemForm, scheme: PoemScheme | undefined): void;
}

const parseSyllables = (text: string) =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((n) => Math.min(40, Math.max(0, Number.parseInt(n, 10) || 0)))
    .slice(0, 200);

/** The form, and for a custom form its rhyme scheme ("ABAB") and syllables per line ("8 6 8 6"). */
export function PoemFormPicker({ form, scheme, onChange }: PoemFormPickerProps) {
  const [syllablesText, setSyllablesText] = useState(() => (scheme?.syllables ?? []).join(' '));
  const custom = scheme ?? { rhyme: '', syllables: [] };
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <Select
        label="Form"
        size="xs"
        w={130}
        data={POEM_FORMS.map((f) => ({ value: f, label: FORM_LABELS[f] }))}
        value={form}
        allowDeselect={false}
        onChange={(value) => value && onChange(value as PoemForm, value === 'custom' ? custom : scheme)}
      />
      {form === 'custom' && (
        <>
          <TextInput
            label="Rhyme scheme"
            size="xs"
            w={120}
            placeholder="ABAB"
            value={custom.rhyme}
            maxLength={200}
            onChange={(e) => onChange(form, { ...custom, rhyme: e.currentTarget.value.replace(/[^A-Za-z\-\s]/g, '') })}
          />
          <TextInput
            label="Syllables per line"
            size="xs"
            w={150}
            placeholder="8 6 8 6"
            value={syllablesText}
            onChange={(e) => {
              setSyllablesText(e.currentTarget.value);
              onChange(form, { ...custom, syllables: parseSyllables(e.currentTarget.value) });
            }}
          />
        </>
      )}
    </Group>
  );
}
