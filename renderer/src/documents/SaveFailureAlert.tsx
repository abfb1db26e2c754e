import { Alert, Button, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useStore } from 'zustand';
import type { DocumentSession, SaveProblem } from './document-session';

/** The reason a refused save gives for `field` (or a field inside it), to show on that field. */
export function problemAt(problems: readonly SaveProblem[] | undefined, field: string): string | undefined {
  return problems?.find((p) => p.field === field || p.field.startsWith(`${field}.`))?.message;
}

/**
 * Above an editor: why its last save was refused, field by field, with the edit still on
 * screen; or that someone else saved first, with the way back to their version.
 */
export function SaveFailureAlert<T, I>({ session, noun }: { session: DocumentSession<T, I>; noun: string }) {
  const status = useStore(session, (s) => s.status);
  const failure = useStore(session, (s) => s.failure);
  if (status === 'conflict') {
    return (
      <Alert color="orange" icon={<IconAlertTriangle size={16} />} title="Saved somewhere else" role="alert">
        <Text size="sm">
          This {noun} was saved from another window or tab, so your recent edits are not saved. They stay here until you reload.
        </Text>
        <Button mt="xs" size="compact-xs" variant="light" color="orange" onClick={() => void session.getState().reload()}>
          Reload the saved version
        </Button>
      </Alert>
    );
  }
  if (status !== 'failed' || !failure) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={16} />} title="Not saved" role="alert" aria-label="Not saved">
      <Text size="sm">The studio refused this change; it stays here, and saves as soon as it is fixed.</Text>
      {failure.problems.length ? (
        <List size="sm" mt={4}>
          {failure.problems.map((problem, i) => (
            <List.Item key={`${problem.nodeId}-${problem.field}-${i}`}>
              {[problem.nodeId, problem.field].filter(Boolean).join(' · ') || 'input'}: {problem.message}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" mt={4}>
          {failure.message}
        </Text>
      )}
    </Alert>
  );
}
