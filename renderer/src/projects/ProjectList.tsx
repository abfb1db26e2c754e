import { ActionIcon, Group, Menu, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDots, IconFileDatabase, IconHistory, IconPencil, IconTrash } from '@tabler/icons-react';
import type { ProjectSummary } from '../../../preload/api';
import { useBackups } from '../backups/backups-store';
import { confirmDanger } from '../components/confirm-danger';
import { useProjects } from '../stores/projects-store';
import { formatBytes, fullTime, relativeTime } from '../util/relative-time';
import classes from './ProjectList.module.css';

interface ProjectListProps {
  title: string;
  projects: ProjectSummary[];
  timeOf(project: ProjectSummary): string;
  timeLabel: string;
  onOpen(project: ProjectSummary): void;
  onAction(pending: { action: 'rename' | 'duplicate'; project: ProjectSummary }): void;
}

/** A titled list of project rows, each opening on click with a menu of file actions. */
export function ProjectList({ title, projects, timeOf, timeLabel, onOpen, onAction }: ProjectListProps) {
  const trash = useProjects((s) => s.trash);
  const showBackups = useBackups((s) => s.show);

  const confirmTrash = (project: ProjectSummary) =>
    confirmDanger({
      title: `Move “${project.name}” to the trash?`,
      body: 'The project file moves to the workspace’s .trash folder. You can move it back from there.',
      confirmLabel: 'Move to trash',
      onConfirm: async () => {
        try {
          const to = await trash(project.id);
          notifications.show({ title: `Moved “${project.name}” to the trash`, message: to });
        } catch (e) {
          notifications.show({ color: 'red', title: 'Could not move it to the trash', message: (e as Error).message });
        }
      },
    });

  return (
    <Stack gap="xs">
      <Title order={2} size="h5" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.5 }}>
        {title}
      </Title>
      <Paper withBorder radius="lg" className={classes.list} role="list" aria-label={title}>
        {projects.map((project) => (
          <Group key={project.id} className={classes.row} wrap="nowrap" gap="sm" role="listitem">
            <UnstyledButton className={classes.open} onClick={() => onOpen(project)} aria-label={`Open ${project.name}`}>
              <Group wrap="nowrap" gap="sm">
                <IconFileDatabase size={22} stroke={1.5} className={classes.icon} />
                <div style={{ minWidth: 0 }}>
                  <Text fw={550} truncate>
                    {project.name}
                  </Text>
                  <Text size="xs" c="dimmed" w="fit-content" title={fullTime(timeOf(project))}>
                    {timeLabel} {relativeTime(timeOf(project))} · {formatBytes(project.sizeBytes)}
                  </Text>
                </div>
              </Group>
            </UnstyledButton>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${project.name}`}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onAction({ action: 'rename', project })}>
                  Rename…
                </Menu.Item>
                <Menu.Item leftSection={<IconCopy size={16} />} onClick={() => onAction({ action: 'duplicate', project })}>
                  Duplicate…
                </Menu.Item>
                <Menu.Item leftSection={<IconHistory size={16} />} onClick={() => void showBackups(project)}>
                  Backups…
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => confirmTrash(project)}>
                  Move to trash
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        ))}
      </Paper>
    </Stack>
  );
}
