import {
  Alert,
  Badge,
  Button,
  Divider,
  EmptyState,
  Group,
  Modal,
  NumberInput,
  Paper,
  Progress,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconDatabaseExport, IconHistory } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { BackupInfo, BackupReason } from '../../../preload/contract/backups';
import { confirmDanger } from '../components/confirm-danger';
import { formatBytes, fullTime, relativeTime } from '../util/relative-time';
import { useBackups } from './backups-store';

const REASON_LABEL: Record<BackupReason, { label: string; color: string }> = {
  auto: { label: 'Automatic', color: 'gray' },
  manual: { label: 'Backed up by you', color: 'violet' },
  'before-restore': { label: 'Before a restore', color: 'orange' },
};

/** Restores a backup (the project reopens as it was then) and says where the project as it was went. */
export async function restoreBackup(projectId: string, backup: BackupInfo): Promise<void> {
  try {
    const result = await useBackups.getState().restore(projectId, backup);
    notifications.show({
      title: `Restored “${result.name}”`,
      message: `It is back as it was on ${fullTime(backup.createdAt)}. ${
        /before-restore\.loreweaver$/.test(result.safetyCopy)
          ? 'The project as it was is kept as a backup marked “Before a restore”.'
          : `The damaged file was moved to ${result.safetyCopy}.`
      }`,
      autoClose: 10000,
    });
  } catch (e) {
    notifications.show({ color: 'red', title: 'The backup was not restored', message: (e as Error).message, autoClose: 10000 });
  }
}

function confirmRestore(projectId: string, projectName: string, backup: BackupInfo): void {
  confirmDanger({
    title: `Restore the backup from ${fullTime(backup.createdAt)}?`,
    body: `“${projectName}” will be replaced by this backup. The project as it is now is kept first (as a backup marked “Before a restore”, or in the trash if the file is damaged), so you can go back.`,
    confirmLabel: 'Restore',
    onConfirm: () => restoreBackup(projectId, backup),
  });
}

const everyInterval = (minutes: number) => (minutes === 60 ? 'hour' : `${minutes} minutes`);

function BackupRow({ backup, onRestore, disabled }: { backup: BackupInfo; onRestore(): void; disabled: boolean }) {
  const reason = REASON_LABEL[backup.reason];
  return (
    <Group justify="space-between" wrap="nowrap" px="md" py="xs" role="listitem" aria-label={`Backup from ${fullTime(backup.createdAt)}`}>
      <Group gap="sm" wrap="nowrap">
        <IconHistory size={20} stroke={1.5} color="var(--mantine-color-dimmed)" />
        <div>
          <Text fw={550} size="sm">
            {fullTime(backup.createdAt)}
          </Text>
          <Text size="xs" c="dimmed">
            {relativeTime(backup.createdAt)} · {formatBytes(backup.sizeBytes)}
          </Text>
        </div>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Badge variant="light" color={reason.color} size="sm">
          {reason.label}
        </Badge>
        <Button size="xs" variant="default" onClick={onRestore} disabled={disabled}>
          Restore…
        </Button>
      </Group>
    </Group>
  );
}

function RetentionField({ days, keepLatest }: { days: number; keepLatest: number }) {
  const setRetention = useBackups((s) => s.setRetention);
  const [value, setValue] = useState<number | string>(days);
  const [saving, setSaving] = useState(false);
  const valid = typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 3650;

  const save = async () => {
    if (!valid) return;
    setSaving(true);
    try {
      await setRetention(value);
      notifications.show({ title: 'Backup retention saved', message: `Backups are kept for ${value} days.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not save the retention', message: (e as Error).message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Group align="flex-end" gap="sm" wrap="nowrap">
      <NumberInput
        label="Keep backups for"
        suffix=" days"
        min={1}
        max={3650}
        allowDecimal={false}
        value={value}
        onChange={setValue}
        w={150}
      />
      <Button variant="default" onClick={() => void save()} loading={saving} disabled={!valid || value === days}>
        Save
      </Button>
      <Text size="xs" c="dimmed" pb={8}>
        Older backups are deleted; the newest {keepLatest} are always kept.
      </Text>
    </Group>
  );
}

/** The Backups dialog of one project: its backups with date and size, Back up now with progress, Restore, and how long backups are kept. */
export function BackupsModal() {
  const { target, backups, settings, loading, error, busy, progress, hide, backUpNow } = useBackups();
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <Modal opened={target !== null} onClose={hide} title={target ? `Backups of “${target.name}”` : 'Backups'} size="lg" centered>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text size="sm" c="dimmed" maw={380}>
            Copies of the project file, taken when it opens and every {everyInterval(settings?.intervalMinutes ?? 60)} while it changes.
            Older backups keep one a day.
          </Text>
          <Button
            leftSection={<IconDatabaseExport size={18} />}
            onClick={() => void backUpNow()}
            loading={busy === 'backup'}
            disabled={busy !== null || !target}
          >
            Back up now
          </Button>
        </Group>

        {busy === 'backup' && (
          <Stack gap={4} aria-label="Backup progress">
            <Progress value={percent} animated />
            <Text size="xs" c="dimmed">
              Backing up… {progress && progress.total > 0 ? `${percent}%` : ''}
            </Text>
          </Stack>
        )}
        {busy === 'restore' && (
          <Stack gap={4}>
            <Progress value={100} animated />
            <Text size="xs" c="dimmed">
              Restoring… the project reopens when it is done.
            </Text>
          </Stack>
        )}
        {error && (
          <Alert color="red" title="Something went wrong" role="alert">
            {error}
          </Alert>
        )}

        {loading ? (
          <Stack gap="xs">
            <Skeleton h={48} />
            <Skeleton h={48} />
          </Stack>
        ) : backups.length === 0 ? (
          <Paper withBorder radius="md" py="lg">
            <EmptyState
              icon={<IconArchive size={36} stroke={1.4} />}
              variant="light"
              title="No backups yet"
              description="Back up now to keep a copy you can come back to. The studio also backs up each project when it opens."
            />
          </Paper>
        ) : (
          <Paper withBorder radius="md" role="list" aria-label="Backups" style={{ overflow: 'auto', maxHeight: 360 }}>
            {backups.map((backup, index) => (
              <Fragment key={backup.id}>
                {index > 0 && <Divider />}
                <BackupRow
                  backup={backup}
                  disabled={busy !== null}
                  onRestore={() => target && confirmRestore(target.id, target.name, backup)}
                />
              </Fragment>
            ))}
          </Paper>
        )}

        {settings && <RetentionField key={settings.retentionDays} days={settings.retentionDays} keepLatest={settings.keepLatest} />}
      </Stack>
    </Modal>
  );
}
