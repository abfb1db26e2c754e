import { ActionIcon, Button, Group, Kbd, Menu, Text, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconChevronDown, IconHistory, IconKeyboard, IconMoon, IconSearch, IconSun, IconX } from '@tabler/icons-react';
import type { ProjectInfo } from '../../../preload/api';
import { BrandIcon } from '../app/sections';
import { BackupsModal } from '../backups/BackupsModal';
import { useBackups } from '../backups/backups-store';
import { keyLabel } from '../app/shortcuts';
import { useSession } from '../stores/session-store';
import { useUi } from '../stores/ui-store';

/** Brand, project name with its menu, search and theme toggle. */
export function ProjectHeader({ project }: { project: ProjectInfo }) {
  const closeProject = useSession((s) => s.closeProject);
  const openDialog = useUi((s) => s.openDialog);
  const showBackups = useBackups((s) => s.show);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="xs" wrap="nowrap">
        <BrandIcon size={24} color="var(--mantine-color-violet-6)" />
        <Text fw={650} visibleFrom="sm">
          Loreweaver
        </Text>
        <Text c="dimmed">/</Text>
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="subtle" color="gray" rightSection={<IconChevronDown size={14} />} aria-label="Project menu">
              <Text fw={600} truncate maw={320} data-testid="project-name">
                {project.name}
              </Text>
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{project.path}</Menu.Label>
            <Menu.Item leftSection={<IconHistory size={16} />} onClick={() => void showBackups(project)}>
              Backups…
            </Menu.Item>
            <Menu.Item leftSection={<IconX size={16} />} onClick={() => void closeProject()}>
              Close project
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Button
          variant="default"
          leftSection={<IconSearch size={16} />}
          rightSection={<Kbd size="xs">{keyLabel('mod+K')}</Kbd>}
          onClick={() => spotlight.open()}
          styles={{ label: { fontWeight: 400 } }}
          c="dimmed"
        >
          Search or run a command
        </Button>
        <Tooltip label={`Keyboard shortcuts (${keyLabel('mod+/')})`}>
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => openDialog('shortcuts')} aria-label="Keyboard shortcuts">
            <IconKeyboard size={20} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={`${scheme === 'dark' ? 'Light' : 'Dark'} theme (${keyLabel('mod+shift+L')})`}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
            aria-label="Switch theme"
          >
            {scheme === 'dark' ? <IconSun size={20} /> : <IconMoon size={20} />}
          </ActionIcon>
        </Tooltip>
      </Group>
      <BackupsModal />
    </Group>
  );
}
