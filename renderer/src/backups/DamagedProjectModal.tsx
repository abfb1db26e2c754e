import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconHistory } from '@tabler/icons-react';
import { api, ApiError } from '../api/client';
import { fullTime, relativeTime } from '../util/relative-time';
import { restoreBackup } from './BackupsModal';
import { useBackups, type BackupTarget } from './backups-store';

/**
 * Opens a project; when its file is damaged, offers its latest backup instead of a bare error.
 * Returns false when the project did not open.
 */
export async function openOrOfferBackup(project: BackupTarget, open: (id: string) => Promise<void>): Promise<boolean> {
  try {
    await open(project.id);
    return true;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'project_corrupt') throw error;
    const backups = await api.call('backups:list', { projectId: project.id }).catch(() => []);
    // The dialog offers the backup itself, so the error's closing sentence about it is left out.
    const message = error.message.replace(/ (The latest backup, from .*|There is no backup of it to restore\.)$/, '');
    useBackups.getState().showDamaged({ ...project, message, latest: backups[0] ?? null });
    return false;
  }
}

const shortTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "This project cannot be opened": what is wrong, and a one-click restore of its latest backup. */
export function DamagedProjectModal() {
  const damaged = useBackups((s) => s.damaged);
  const busy = useBackups((s) => s.busy);
  const hide = useBackups((s) => s.hideDamaged);
  const show = useBackups((s) => s.show);
  const latest = damaged?.latest ?? null;

  return (
    <Modal opened={damaged !== null} onClose={hide} title={damaged ? `“${damaged.name}” cannot be opened` : ''} size="lg" centered>
      {damaged && (
        <Stack gap="md">
          <Alert color="red" icon={<IconAlertTriangle size={20} />} title="The project file is damaged">
            {damaged.message}
          </Alert>
          {latest ? (
            <Text size="sm">
              Its latest backup is from <strong>{fullTime(latest.createdAt)}</strong> ({relativeTime(latest.createdAt)}). Restoring it moves
              the damaged file to the workspace trash and opens the project as it was then.{' '}
              <Anchor
                component="button"
                size="sm"
                onClick={() => {
                  hide();
                  void show(damaged);
                }}
              >
                Choose another backup…
              </Anchor>
            </Text>
          ) : (
            <Text size="sm">
              There is no backup of this project. The file is left as it is; a copy of it from elsewhere (another disk, version control) can
              be put back in the workspace folder.
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant={latest ? 'default' : 'filled'} onClick={hide}>
              {latest ? 'Cancel' : 'Close'}
            </Button>
            {latest && (
              <Button
                leftSection={<IconHistory size={18} />}
                loading={busy === 'restore'}
                onClick={() => void restoreBackup(damaged.id, latest)}
              >
                Restore latest backup from {shortTime(latest.createdAt)}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
