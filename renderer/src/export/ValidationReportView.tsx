import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { PackProblemView, ValidationReport } from '../../../preload/contract/export';
import { useReveal } from '../search/reveal-store';

/** Opens the item a problem is about in its section, at its node for a dialogue. */
function ProblemLine({ problem }: { problem: PackProblemView }) {
  const where =
    problem.itemKind && problem.itemId ? `${problem.itemName ?? problem.itemId}${problem.nodeId ? ` › ${problem.nodeId}` : ''}` : null;
  return (
    <List.Item>
      <Text size="sm" span>
        {where && (
          <>
            <Anchor
              component="button"
              size="sm"
              onClick={() => useReveal.getState().reveal({ kind: problem.itemKind!, id: problem.itemId!, nodeId: problem.nodeId })}
            >
              {where}
            </Anchor>
            {': '}
          </>
        )}
        {problem.message}
      </Text>
    </List.Item>
  );
}

/** Errors (which block the export) and warnings, each linking to the item to fix. */
export function ValidationReportView({ report }: { report: ValidationReport }) {
  if (!report.errors.length && !report.warnings.length) {
    return (
      <Alert color="teal" icon={<IconCircleCheck />} title="Ready to export" data-testid="validation-ok">
        No problems found.
      </Alert>
    );
  }
  return (
    <Stack gap="sm" data-testid="validation-report">
      {report.errors.length > 0 && (
        <Alert
          color="red"
          icon={<IconCircleX />}
          title={`${report.errors.length} error${report.errors.length === 1 ? '' : 's'} block the export`}
        >
          <List spacing={4} size="sm">
            {report.errors.slice(0, 100).map((p, i) => (
              <ProblemLine key={i} problem={p} />
            ))}
          </List>
        </Alert>
      )}
      {report.warnings.length > 0 && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle />}
          title={`${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'}`}
        >
          <List spacing={4} size="sm">
            {report.warnings.slice(0, 100).map((p, i) => (
              <ProblemLine key={i} problem={p} />
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
