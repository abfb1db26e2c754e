import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useEditor, useEditorStore } from '../editor-context';
import { nodeOptionLabel } from '../nodes/node-text';
import { useReferenceNames } from '../references/reference-store';
import { OpenButton } from './OpenButton';

interface TargetSelectProps {
  label: string;
  value: string | undefined;
  /** The node that owns the output, left out of its own choices. */
  ownerId: string;
  onChange(target: string | undefined): void;
}

/** Picks the node an output leads to by what it says; the same as dragging a link on the canvas. */
export function TargetSelect({ label, value, ownerId, onChange }: TargetSelectProps) {
  const store = useEditorStore();
  const nodes = useEditor((s) => s.dialogue.nodes);
  const names = useReferenceNames();
  const data = useMemo(() => {
    const options = Object.values(nodes)
      .filter((node) => node.id !== ownerId)
      .map((node) => ({ value: node.id, label: nodeOptionLabel(node, names) }));
    // A dangling target stays visible, so the creator sees what it pointed at.
    if (value && !nodes[value]) options.unshift({ value, label: `Missing node ${value}` });
    return options;
  }, [nodes, names, ownerId, value]);
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
      inputContainer={(input) => (
        <OpenButton
          label={`Show the node ${label} leads to`}
          disabled={!value || !nodes[value]}
          onOpen={() => value && store.getState().focusNodes([value])}
        >
          {input}
        </OpenButton>
      )}
    />
  );
}
