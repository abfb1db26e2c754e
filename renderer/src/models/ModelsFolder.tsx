import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconFolder } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { FolderField } from '../components/FolderField';
import { useAsyncAction } from '../components/use-async-action';
import { useLlm } from '../stores/llm-store';

/** Where the models live, and a way to keep them on another disk. */
export function ModelsFolder() {
  const [folder, setFolder] = useState<{ dir: string; isDefault: boolean } | null>(null);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    api.call('models:folder', {}).then(setFolder, () => setFolder(null));
  }, []);

  if (!folder) return null;
  return (
    <Group gap={6} c="dimmed">
      <IconFolder size={16} />
      <Text size="sm" c="dimmed">
        Models folder: <span className="lw-mono">{folder.dir}</span>
      </Text>
      <Anchor size="sm" component="button" onClick={() => setEditing(true)}>
        Change…
      </Anchor>
      <Modal opened={editing} onClose={() => setEditing(false)} title="Models folder" centered size="lg">
        <FolderForm
          current={folder}
          onDone={(next) => {
            setFolder(next);
            setEditing(false);
            void useLlm.getState().refresh();
          }}
        />
      </Modal>
    </Group>
  );
}

function FolderForm({
  current,
  onDone,
}: {
  current: { dir: string; isDefault: boolean };
  onDone(next: { dir: string; isDefault: boolean }): void;
}) {
  const [dir, setDir] = useState(current.dir);
  const { busy, error, run } = useAsyncAction();

  const save = (target: string | null) => run(async () => onDone(await api.call('models:setFolder', { dir: target })));

  return (
    <Stack>
      <FolderField
        hint="Models are large: keep them on a disk with room. Models already in the old folder stay there."
        value={dir}
        onChange={setDir}
        error={error}
      />
      <Group justify="space-between">
        <Button variant="subtle" disabled={current.isDefault} onClick={() => void save(null)}>
          Use the default folder
        </Button>
        <Button loading={busy} disabled={!dir.trim()} onClick={() => void save(dir.trim())}>
          Use this folder
        </Button>
      </Group>
    </Stack>
  );
}
