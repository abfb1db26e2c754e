import { Alert, Button, Group, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEditorStore } from '../editor-context';
import { useAiJob } from './ai-job-store';

/** Shows what the model writes as it writes it, then what accepting would change; nothing changes until Accept. */
export function AiPreviewModal() {
  const store = useEditorStore();
  const job = useAiJob((s) => s.job);
  const { cancel, accept } = useAiJob.getState();
  return (
    <Modal opened={job !== null} onClose={cancel} title={job?.title} centered size="lg" closeOnClickOutside={false}>
      {job && (
        <Stack gap="sm" aria-busy={job.phase === 'running'} data-phase={job.phase} data-testid="ai-preview">
          {job.phase === 'running' && (
            <>
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  Writing…
                </Text>
              </Group>
              <Paper withBorder p="sm" radius="md" mih={60} style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>
                {job.streamed || (
                  <Text span c="dimmed" size="sm">
                    Waiting for the model…
                  </Text>
                )}
              </Paper>
            </>
          )}
          {job.phase === 'failed' && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} title="The model could not do this">
              {job.error}
            </Alert>
          )}
          {job.proposal && (
            <>
              <Text size="sm" c="dimmed">
                Accepting makes this one change, which Undo takes back:
              </Text>
              <Paper withBorder p="sm" radius="md" component="ol" style={{ margin: 0, paddingLeft: 28 }} aria-label="Proposal">
                {job.proposal.preview.map((line, i) => (
                  <Text component="li" size="sm" key={i} py={2}>
                    {line}
                  </Text>
                ))}
              </Paper>
              {job.proposal.problems > 0 && (
                <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />}>
                  The dialogue would have {job.proposal.problems} error{job.proposal.problems === 1 ? '' : 's'} after this; the validation
                  panel will list them.
                </Alert>
              )}
            </>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={cancel}>
              {job.phase === 'running' ? 'Cancel' : 'Discard'}
            </Button>
            <Button disabled={job.phase !== 'ready'} onClick={() => accept(store)}>
              Accept
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
