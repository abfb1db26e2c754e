import { ActionIcon, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconLayoutSidebarRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface PaneHeaderProps {
  title: string;
  subtitle: ReactNode;
  /** Test id of the title, for the end-to-end tests. */
  titleTestId?: string;
  inspectorOpen: boolean;
  onToggleInspector(): void;
  /** The pane's own controls, left of the inspector toggle. */
  children: ReactNode;
}

/** The bar above a conversation or playthrough: what it is, its controls, and the inspector toggle. */
export function PaneHeader({ title, subtitle, titleTestId, inspectorOpen, onToggleInspector, children }: PaneHeaderProps) {
  return (
    <Group px="md" py="xs" justify="space-between" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Stack gap={0} miw={0} flex={1}>
        <Title order={3} size="h5" lineClamp={1} data-testid={titleTestId}>
          {title}
        </Title>
        <Text size="xs" c="dimmed" truncate>
          {subtitle}
        </Text>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        {children}
        <Tooltip label={inspectorOpen ? 'Hide the inspector' : 'Show the inspector'} withArrow>
          <ActionIcon
            size="lg"
            variant={inspectorOpen ? 'light' : 'default'}
            aria-label="Inspector"
            aria-pressed={inspectorOpen}
            onClick={onToggleInspector}
          >
            <IconLayoutSidebarRight size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
