import { Center, EmptyState } from '@mantine/core';
import type { Section } from '../app/sections';

const NEXT_STEP: Partial<Record<Section['id'], string>> = {
  testchat: 'Create an NPC first; once a model is loaded you can talk to it and play its dialogues here.',
  export: 'Add NPCs, dialogues and quests; this is where they leave the studio as a content pack.',
};

/** The page of a section whose tools are not in this project yet: what it is for and what to do first. */
export function EmptySection({ section }: { section: Section }) {
  return (
    <Center flex={1} p="xl">
      <EmptyState
        icon={<section.icon size={40} stroke={1.4} />}
        variant="light"
        title={section.label}
        description={`${section.description} ${NEXT_STEP[section.id] ?? ''}`}
        maw={480}
        data-testid={`empty-${section.id}`}
      />
    </Center>
  );
}
