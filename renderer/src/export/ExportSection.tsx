import {
  Button,
  Card,
  Checkbox,
  CopyButton,
  Group,
  Modal,
  Progress,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconCopy, IconFileImport, IconFolderOpen, IconListCheck, IconPackageExport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { EXPORT_TARGETS, type ExportResult, type ExportTargetId, type ValidationReport } from '../../../preload/contract/export';
import { api } from '../api/client';
import { newRequestId } from '../api/request-id';
import { FolderField } from '../components/FolderField';
import { useAsyncAction } from '../components/use-async-action';
import { useSession } from '../stores/session-store';
import { FileTreePreview } from './FileTreePreview';
import { TARGET_LABELS } from './export-targets';
import { ValidationReportView } from './ValidationReportView';
import { ModalActions } from '../components/ModalActions';

type ImportKind = 'pack' | 'dialogue';

/** Adds a pack, or a Yarn or Twee file as a dialogue, to the open project, from a path on the studio's machine. */
function ImportModal({ kind, onClose }: { kind: ImportKind | null; onClose(): void }) {
  const [path, setPath] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAsyncAction();
  const submit = () =>
    action.run(async () => {
      if (kind === 'pack') {
        const result = await api.call('import:pack', { path });
        const counts = Object.entries(result.counts)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${n} ${k}`);
        setDone(`Imported ${result.name}: ${counts.join(', ') || 'nothing to add'}.`);
      } else {
        const result = await api.call('import:dialogue', { path });
        setDone(`Created the dialogue ${result.name} with ${result.nodeCount} nodes.`);
      }
    });
  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind === 'pack' ? 'Import a pack' : 'Import a Yarn or Twee file'} size="lg">
      <Stack>
        <TextInput
          label="Path"
          description={
            kind === 'pack' ? 'A pack folder, a .zip or a pack.json exported by Loreweaver' : 'A .yarn script or a .twee/.tw story'
          }
          value={path}
          onChange={(e) => setPath(e.currentTarget.value)}
          error={action.error}
          classNames={{ input: 'lw-mono' }}
          data-autofocus
        />
        {done && (
          <Text size="sm" c="teal" data-testid="import-done">
            {done}
          </Text>
        )}
        <ModalActions
          submitLabel="Import"
          onSubmit={submit}
          cancelLabel={done ? 'Close' : 'Cancel'}
          onCancel={onClose}
          busy={action.busy}
          disabled={!path.trim()}
        />
      </Stack>
    </Modal>
  );
}

/**
 * The Export page: pick targets and a folder, check the pack (errors block, warnings link to
 * the item), export with progress, then see the files written as a tree with the folder's path.
 */
export function ExportSection() {
  const project = useSession((s) => s.project)!;
  const [targets, setTargets] = useState<ExportTargetId[]>(['json', 'web']);
  const [outDir, setOutDir] = useState('');
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [importing, setImporting] = useState<ImportKind | null>(null);
  const [folderNote, setFolderNote] = useState<string | null>(null);
  const check = useAsyncAction();
  const run = useAsyncAction();

  useEffect(() => {
    void api.call('app:info', {}).then((info) => setOutDir((dir) => dir || `${info.workspaceDir}/exports/${project.name}`));
  }, [project.name]);

  const validate = () =>
    check.run(async () => {
      setReport(await api.call('export:validate', { projectId: project.id }));
    });

  const exportNow = () =>
    run.run(async () => {
      const requestId = newRequestId('export');
      setResult(null);
      setProgress({ done: 0, total: 0 });
      const stop = api.on('export:progress', (event) => {
        if (event.requestId === requestId) setProgress({ done: event.done, total: event.total });
      });
      try {
        const exported = await api.call('export:pack', { projectId: project.id, targets, outDir, requestId });
        setReport(exported.report);
        setResult(exported);
      } finally {
        stop();
        setProgress(null);
      }
    });

  const openFolder = (path: string) =>
    void api.call('export:openFolder', { path }).then(
      ({ opened, path: full }) =>
        setFolderNote(opened ? null : `The studio runs in browser mode: the files are on its machine, in ${full}.`),
      (error: Error) => setFolderNote(error.message),
    );

  return (
    <ScrollArea flex={1}>
      <Stack p="lg" gap="lg" maw={980}>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2}>Export</Title>
            <Text c="dimmed" size="sm">
              A versioned content pack of this project for Roblox, the web and other tools; the same files every time for the same content.
            </Text>
          </div>
          <Group gap="xs">
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting('pack')}>
              Import pack
            </Button>
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting('dialogue')}>
              Import Yarn or Twee
            </Button>
          </Group>
        </Group>

        <Card withBorder padding="md">
          <Stack gap="sm">
            <Text fw={600}>Targets</Text>
            <Checkbox.Group value={targets} onChange={(value) => setTargets(value as ExportTargetId[])}>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                {EXPORT_TARGETS.map((id) => (
                  <Checkbox key={id} value={id} label={TARGET_LABELS[id].label} description={TARGET_LABELS[id].description} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <FolderField
              hint="Each target is written into its own folder here, on the machine the studio runs on."
              value={outDir}
              error={run.error}
              onChange={setOutDir}
            />
            <Group>
              <Button variant="default" leftSection={<IconListCheck size={16} />} onClick={validate} loading={check.busy}>
                Check
              </Button>
              <Button
                leftSection={<IconPackageExport size={16} />}
                onClick={exportNow}
                loading={run.busy}
                disabled={!targets.length || !outDir.trim()}
              >
                Export
              </Button>
            </Group>
            {progress && (
              <Progress
                value={progress.total ? (progress.done / progress.total) * 100 : 5}
                animated
                aria-label={`Writing files: ${progress.done} of ${progress.total}`}
              />
            )}
            {check.error && (
              <Text c="red" size="sm">
                {check.error}
              </Text>
            )}
          </Stack>
        </Card>

        {report ? (
          <ValidationReportView report={report} />
        ) : (
          <Text c="dimmed" size="sm">
            Check the project to see what would block the export, or export straight away: it is checked first either way.
          </Text>
        )}

        {result?.written && (
          <Card withBorder padding="md" data-testid="export-result">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={600}>
                  {result.files.length} files written to{' '}
                  <Text span className="lw-mono" fw={400}>
                    {result.outDir}
                  </Text>
                </Text>
                <Group gap="xs">
                  <Button size="xs" variant="light" onClick={() => openFolder(result.outDir)} leftSection={<IconFolderOpen size={14} />}>
                    Open folder
                  </Button>
                  <CopyButton value={result.outDir}>
                    {({ copied, copy }) => (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={copy}
                        leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                      >
                        {copied ? 'Copied' : 'Copy folder path'}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Group>
              {folderNote && (
                <Text size="sm" c="dimmed" data-testid="folder-note">
                  {folderNote}
                </Text>
              )}
              <FileTreePreview files={result.files} />
            </Stack>
          </Card>
        )}
      </Stack>
      <ImportModal key={importing ?? 'closed'} kind={importing} onClose={() => setImporting(null)} />
    </ScrollArea>
  );
}
