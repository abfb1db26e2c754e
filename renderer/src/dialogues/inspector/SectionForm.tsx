import { Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { OutputTarget } from './OutputTarget';
import { useNodeEdit } from './use-node-edit';

/** A section's title (what `visited("…")` and the playthrough's path name it by) and where it continues. */
export function SectionForm({ node }: { node: NodeOfKind<'section'> }) {
  const edit = useNodeEdit();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      <TextInput
        size="xs"
        label="Title"
        description="visited() counts this section once the conversation leaves it"
        value={draft ?? node.title}
        maxLength={128}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setDraft(next);
          // An empty title is never stored; the field shows what is typed until it is valid.
          if (next.trim()) edit({ ...node, title: next.trim() }, 'title');
        }}
        onBlur={() => setDraft(null)}
        error={draft !== null && !draft.trim() ? 'Give the section a title' : undefined}
      />
      <OutputTarget nodeId={node.id} field="next" label="Next" value={node.next} />
    </Stack>
  );
}
