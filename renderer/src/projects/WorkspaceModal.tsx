import { Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import { FolderField } from '../components/FolderField';
import { useAsyncAction } from '../components/use-async-action';
import { useProjects } from '../stores/projects-store';
import { useSession } from '../stores/session-store';
import { ModalActions } from '../components/ModalActions';

/** Points the studio at another workspace folder (created when missing). */
export function WorkspaceModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Workspace folder" centered size="lg">
      <WorkspaceForm onClose={onClose} />
    </Modal>
  );
}

function WorkspaceForm({ onClose }: { onClose(): void }) {
  const [dir, setDir] = useState(() => useSession.getState().app?.workspaceDir ?? '');
  const { busy, error, run } = useAsyncAction();

  const submit = () =>
    run(async () => {
      const info = await api.call('workspace:set', { dir });
      useSession.setState({ app: info });
      await useProjects.getState().refresh();
      onClose();
    });

  return (
    <Stack>
      <FolderField
        hint="Projects are files in this folder. Point it at a synced or version-controlled folder to back your work up."
        value={dir}
        onChange={setDir}
        error={error}
      />
      <ModalActions submitLabel="Use this folder" onSubmit={() => void submit()} onCancel={onClose} busy={busy} disabled={!dir.trim()} />
    </Stack>
  );
}
