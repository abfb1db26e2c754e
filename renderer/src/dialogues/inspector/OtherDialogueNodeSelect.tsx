import { Select } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { DialogueNode } from '../../../../main/domain/dialogue';
import { api } from '../../api/client';
import { nodeOptionLabel } from '../nodes/node-text';
import { useReferenceNames } from '../references/reference-store';

interface OtherDialogueNodeSelectProps {
  /** The other dialogue; nothing is listed until one is picked. */
  dialogueId: string | undefined;
  value: string | undefined;
  onChange(nodeId: string | undefined): void;
}

/** Picks a node of another dialogue by what it says (cleared: that dialogue's start), loading its nodes when the dialogue changes. */
export function OtherDialogueNodeSelect({ dialogueId, value, onChange }: OtherDialogueNodeSelectProps) {
  const [loaded, setLoaded] = useState<{ id: string; nodes: Record<string, DialogueNode> } | { id: string; error: string }>();
  const names = useReferenceNames();
  useEffect(() => {
    if (!dialogueId) return;
    let current = true;
    api.call('dialogues:get', { id: dialogueId }).then(
      (document) => current && setLoaded({ id: dialogueId, nodes: document.dialogue.nodes }),
      (error: unknown) => current && setLoaded({ id: dialogueId, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [dialogueId]);
  const nodes = loaded && loaded.id === dialogueId && 'nodes' in loaded ? loaded.nodes : undefined;
  const data = useMemo(() => {
    const options = Object.values(nodes ?? {}).map((node) => ({
      value: node.id,
      label: nodeOptionLabel(node, names),
    }));
    if (value && nodes && !nodes[value]) options.unshift({ value, label: `Missing node ${value}` });
    return options;
  }, [nodes, names, value]);
  const loadError = loaded && loaded.id === dialogueId && 'error' in loaded ? loaded.error : undefined;
  return (
    <Select
      size="xs"
      label="Node in that dialogue"
      placeholder="Its start"
      disabled={!dialogueId}
      data={data}
      value={value ?? null}
      onChange={(id) => onChange(id ?? undefined)}
      searchable
      clearable
      limit={100}
      error={loadError ?? (value && nodes && !nodes[value] ? `Node "${value}" does not exist in that dialogue` : undefined)}
    />
  );
}
