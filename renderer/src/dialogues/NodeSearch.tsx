import { Autocomplete } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState, type Ref } from 'react';
import { useEditor, useEditorStore } from './editor-context';
import { nodeOptionLabel, nodeText } from './nodes/node-text';
import { useReferenceNames } from './references/reference-store';

const MAX_RESULTS = 30;

/** Find a node by id, text, condition or action (quests and items by name) and jump to it. */
export function NodeSearch({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const store = useEditorStore();
  const nodes = useEditor((s) => s.dialogue.nodes);
  const names = useReferenceNames();
  const [query, setQuery] = useState('');
  /** Autocomplete writes the picked option's label into the field after submitting it; the search clears instead. */
  const picked = useRef(false);

  const options = useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (!needle) return [];
    const hits: { value: string; label: string }[] = [];
    for (const node of Object.values(nodes)) {
      if (!`${node.id} ${nodeText(node, names)}`.toLowerCase().includes(needle)) continue;
      hits.push({ value: node.id, label: nodeOptionLabel(node, names) });
      if (hits.length === MAX_RESULTS) break;
    }
    return hits;
  }, [nodes, names, query]);

  return (
    <Autocomplete
      ref={inputRef}
      size="xs"
      w={230}
      aria-label="Find a node"
      placeholder="Find a node…"
      leftSection={<IconSearch size={14} />}
      value={query}
      onChange={(value) => {
        setQuery(picked.current ? '' : value);
        picked.current = false;
      }}
      data={options}
      filter={({ options: all }) => all}
      onOptionSubmit={(id) => {
        picked.current = true;
        store.getState().focusNodes([id]);
      }}
    />
  );
}
