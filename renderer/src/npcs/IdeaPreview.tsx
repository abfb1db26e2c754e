import { Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { LIST_FIELDS, TEXT_FIELDS } from './npc-fields';
import { IDEA_PROSE_FIELDS, type IdeaDraft } from './npc-prompts';
import { TextListField } from './TextListField';

interface IdeaPreviewProps {
  draft: IdeaDraft;
  onChange(draft: IdeaDraft): void;
}

/** The model's draft of a new NPC, every field editable before the creator accepts it. */
export function IdeaPreview({ draft, onChange }: IdeaPreviewProps) {
  const set = (change: Partial<IdeaDraft>) => onChange({ ...draft, ...change });
  return (
    <Stack gap="sm" aria-label="Draft NPC" role="group">
      <TextInput label="Name" value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} />
      <TextInput label="Role" value={draft.role} onChange={(e) => set({ role: e.currentTarget.value })} />
      {IDEA_PROSE_FIELDS.map((field) => (
        <Textarea
          key={field}
          label={TEXT_FIELDS[field].label}
          value={draft[field]}
          onChange={(e) => set({ [field]: e.currentTarget.value })}
          autosize
          minRows={2}
          maxRows={8}
        />
      ))}
      <TextListField {...LIST_FIELDS.goals} values={draft.goals} onChange={(goals) => set({ goals })} />
      <TextListField
        {...LIST_FIELDS.alternateGreetings}
        values={draft.alternateGreetings}
        onChange={(alternateGreetings) => set({ alternateGreetings })}
      />
      <TagsInput label="Tags" value={draft.tags} onChange={(tags) => set({ tags })} />
    </Stack>
  );
}
