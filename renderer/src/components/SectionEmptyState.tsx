import { Center, EmptyState, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Section } from '../app/sections';

interface SectionEmptyStateProps {
  section: Section;
  /** Whether the list has items: then the section only asks to pick one. */
  hasItems: boolean;
  pickTitle: string;
  emptyTitle: string;
  /** What to do first in an empty section. */
  emptyDescription: string;
  /** The buttons that start the section, shown while it is empty. */
  actions: ReactNode;
}

/** The editor pane of a list section before anything is selected: pick one, or how to make the first. */
export function SectionEmptyState({ section, hasItems, pickTitle, emptyTitle, emptyDescription, actions }: SectionEmptyStateProps) {
  return (
    <Center h="100%" p="xl">
      <EmptyState
        icon={<section.icon size={40} stroke={1.4} />}
        variant="light"
        title={hasItems ? pickTitle : emptyTitle}
        description={hasItems ? section.description : emptyDescription}
        maw={500}
      >
        {!hasItems && (
          <EmptyState.Actions>
            <Group gap="xs" justify="center">
              {actions}
            </Group>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Center>
  );
}
