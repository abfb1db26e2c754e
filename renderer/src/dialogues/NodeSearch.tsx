import { Autocomplete } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState, type Ref } from 'react';
import type { DialogueNode } from '../../../main/domain/dialogue';
import { useEditor, useEditorStore } from './editor-context';

const MAX_RESULTS = 30;

/** The words a node is found by: its id, speaker and texts. */
function searchText(node: DialogueNode): string {
  switch (node.kind) {
    case 'line':
      return `${node.speaker} ${node.text}`;
    case 'aiLine':
      return `${node.speaker} ${node.instruction} ${node.fallbackText}`;
    case 'choice':
      return node.options.map((o) => o.text).join(' ');
    case 'branch':
      return node.branches.map((b) => b.condition).join(' ');
    case 'end':
      return node.outcome ?? '';
    default:
      return '';
  }
}

const preview = (node: DialogueNode) => searchText(node).trim().slice(0, 60);

/** Find a node by id or text and jump to it. */
export function NodeSearch({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const store = useEditorStore();
  const nodes = useEditor((s) => s.dialogue.nodes);
  const [query, setQuery] = useState('');
  /** Autocomplete writes the picked option's label into the field after submitting it; the search clears instead. */
  const picked = useRef(false);

  const options = useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (!needle) return [];
    const hits: { value: string; label: string }[] = [];
    for (const node of Object.values(nodes)) {
      if (!`${node.id} ${searchText(node)}`.toLowerCase().includes(needle)) continue;
      hits.push({ value: node.id, label: `${node.id}${preview(node) ? ` · ${preview(node)}` : ''}` });
      if (hits.length === MAX_RESULTS) break;
    }
    return hits;
  }, [nodes, query]);

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
