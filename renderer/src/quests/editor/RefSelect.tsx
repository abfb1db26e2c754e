import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { OpenButton } from '../../dialogues/inspector/OpenButton';

interface RefSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  options: readonly { id: string; name: string }[];
  value: string | undefined;
  onChange(id: string | undefined): void;
  /** Opens what is picked, from a button beside the field; `noun` names it in the button's label ("Open the item"). */
  open?: { noun: string; onOpen(id: string): void };
}

/**
 * Picks an NPC, item, location or quest by name and stores its id. An id that names
 * nothing (deleted since, or from a draft) stays visible as itself, so validation and the
 * creator see the same thing.
 */
export function RefSelect({ options, value, onChange, open, ...props }: RefSelectProps) {
  const known = Boolean(value && options.some((o) => o.id === value));
  const data = useMemo(() => {
    const listed = options.map((o) => ({ value: o.id, label: o.name }));
    return value && !known ? [...listed, { value, label: `${value} (missing)` }] : listed;
  }, [options, value, known]);
  return (
    <Select
      searchable
      data={data}
      value={value || null}
      onChange={(id) => onChange(id ?? undefined)}
      inputContainer={
        open
          ? (input) => (
              <OpenButton label={`Open the ${open.noun}`} disabled={!known} onOpen={() => value && open.onOpen(value)}>
                {input}
              </OpenButton>
            )
          : undefined
      }
      {...props}
    />
  );
}
