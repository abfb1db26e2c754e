import { Alert, Anchor, Box, Button, Container, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolder, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProjectSummary } from '../../../preload/api';
import { BrandIcon } from '../app/sections';
import { BackupsModal } from '../backups/BackupsModal';
import { DamagedProjectModal, openOrOfferBackup } from '../backups/DamagedProjectModal';
import { useProjects } from '../stores/projects-store';
import { useSession } from '../stores/session-store';
import { useUi } from '../stores/ui-store';
import { NameModal } from './NameModal';
import { ProjectList } from './ProjectList';
import { WorkspaceModal } from './WorkspaceModal';

type Pending = { action: 'rename' | 'duplicate'; project: ProjectSummary } | null;

/** The first screen: recent projects, every project in the workspace, and what to do with them. */
export function ProjectPicker() {
  const { projects, loaded, error, create, rename, duplicate } = useProjects();
  const openProject = useSession((s) => s.openProject);
  const app = useSession((s) => s.app);
  const dialog = useUi((s) => s.dialog);
  const openDialog = useUi((s) => s.openDialog);
  const closeDialog = useUi((s) => s.closeDialog);
  const [pending, setPending] = useState<Pending>(null);

  const open = async (project: ProjectSummary) => {
    try {
      await openOrOfferBackup(project, openProject);
    } catch (e) {
      notifications.show({ color: 'red', title: `Could not open “${project.name}”`, message: (e as Error).message, autoClose: 10000 });
    }
  };

  const recent = projects
    .filter((p) => p.lastOpenedAt)
    .sort((a, b) => (b.lastOpenedAt ?? '').localeCompare(a.lastOpenedAt ?? ''))
    .slice(0, 4);

  return (
    <Box h="100%" style={{ overflow: 'auto' }} bg="var(--mantine-color-body)">
      <Container size="md" py={48}>
        <Stack gap="xl">
          <Group justify="space-between" align="flex-end">
            <Group gap="sm">
              <BrandIcon size={36} color="var(--mantine-color-violet-6)" />
              <div>
                <Title order={1} size="h2">
                  Loreweaver Studio
                </Title>
                <Text c="dimmed" size="sm">
                  NPCs, dialogue, quests and stories, co-written with a local model.
                </Text>
              </div>
            </Group>
            <Button leftSection={<IconPlus size={18} />} onClick={() => openDialog('new-project')}>
              New project
            </Button>
          </Group>

          {error && (
            <Alert color="red" title="The workspace could not be read" role="alert">
              {error}
            </Alert>
          )}

          {!loaded ? (
            <Stack gap="xs">
              <Skeleton h={56} />
              <Skeleton h={56} />
            </Stack>
          ) : projects.length === 0 && !error ? (
            <Paper withBorder p="xl" radius="lg">
              <Stack align="center" gap="xs" py="lg">
                <Title order={3}>No projects yet</Title>
                <Text c="dimmed" ta="center" maw={420}>
                  A project is one file that holds a world’s NPCs, dialogues, quests and writing. Create your first one to start.
                </Text>
                <Button mt="sm" leftSection={<IconPlus size={18} />} onClick={() => openDialog('new-project')}>
                  Create a project
                </Button>
              </Stack>
            </Paper>
          ) : (
            <>
              {recent.length > 0 && (
                <ProjectList
                  title="Recent"
                  projects={recent}
                  timeOf={(p) => p.lastOpenedAt ?? p.updatedAt}
                  timeLabel="opened"
                  onOpen={open}
                  onAction={setPending}
                />
              )}
              <ProjectList
                title="All projects"
                projects={projects}
                timeOf={(p) => p.updatedAt}
                timeLabel="modified"
                onOpen={open}
                onAction={setPending}
              />
            </>
          )}

          <Group gap={6} c="dimmed">
            <IconFolder size={16} />
            <Text size="sm" c="dimmed">
              Workspace: <span className="lw-mono">{app?.workspaceDir}</span>
            </Text>
            {!app?.workspaceLocked && (
              <Anchor size="sm" component="button" onClick={() => openDialog('workspace')}>
                Change…
              </Anchor>
            )}
          </Group>
        </Stack>
      </Container>

      <NameModal
        opened={dialog === 'new-project'}
        title="New project"
        label="Project name"
        placeholder="The Sunken Kingdom"
        submitLabel="Create project"
        onClose={closeDialog}
        onSubmit={async (name) => {
          const project = await create(name);
          await openProject(project.id);
        }}
      />
      <NameModal
        opened={pending?.action === 'rename'}
        title="Rename project"
        label="New name"
        submitLabel="Rename"
        initialName={pending?.project.name}
        onClose={() => setPending(null)}
        onSubmit={async (name) => {
          if (pending) await rename(pending.project.id, name);
        }}
      />
      <NameModal
        opened={pending?.action === 'duplicate'}
        title="Duplicate project"
        label="Name of the copy"
        submitLabel="Duplicate"
        initialName={pending ? `${pending.project.name} copy` : ''}
        onClose={() => setPending(null)}
        onSubmit={async (name) => {
          if (pending) await duplicate(pending.project.id, name);
        }}
      />
      <WorkspaceModal opened={dialog === 'workspace'} onClose={closeDialog} />
      <BackupsModal />
      <DamagedProjectModal />
    </Box>
  );
}
