import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useEditor } from '../editor-context';

interface TargetSelectProps {
  label: string;
  value: string | undefined;
  /** The node that owns the output, left out of its own choices. */
  ownerId: string;
  onChange(target: string | undefined): void;
}

/** Picks the node an output leads to; the same as dragging a link on the canvas. */
export function TargetSelect({ label, value, ownerId, onChange }: TargetSelectProps) {
  const nodes = useEditor((s) => s.dialogue.nodes);
  const data = useMemo(() => {
    const ids = Object.keys(nodes).filter((id) => id !== ownerId);
    // A dangling target stays visible, so the creator sees what it pointed at.
    if (value && !nodes[value]) ids.unshift(value);
    return ids;
  }, [nodes, ownerId, value]);
  return (
    <Select
      size="xs"
      label={label}
      placeholder="Not connected"
      data={data}
      value={value ?? null}
      onChange={(id) => onChange(id ?? undefined)}
      searchable
      clearable
      limit={100}
      error={value && !nodes[value] ? `Node "${value}" does not exist` : undefined}
    />
  );
}
