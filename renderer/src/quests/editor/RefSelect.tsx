import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';

interface RefSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  options: readonly { id: string; name: string }[];
  value: string | undefined;
  onChange(id: string | undefined): void;
}

/**
 * Picks an NPC, item, location or quest by name and stores its id. An id that names
 * nothing (deleted since, or from a draft) stays visible as itself, so validation and the
 * creator see the same thing.
 */
export function RefSelect({ options, value, onChange, ...props }: RefSelectProps) {
  const data = useMemo(() => {
    const known = options.map((o) => ({ value: o.id, label: o.name }));
    return value && !options.some((o) => o.id === value) ? [...known, { value, label: `${value} (missing)` }] : known;
  }, [options, value]);
  return <Select searchable data={data} value={value || null} onChange={(id) => onChange(id ?? undefined)} {...props} />;
}
