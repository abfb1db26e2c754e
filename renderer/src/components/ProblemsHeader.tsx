import { Badge, Group, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';

interface ProblemsHeaderProps {
  problems: readonly { severity: 'error' | 'warning' }[];
  /** Marks the "No problems" state for tests. */
  cleanTestId: string;
  className?: string;
}

/** The title row of a validation panel: "Problems" with error and warning counts, or "No problems". */
export function ProblemsHeader({ problems, cleanTestId, className }: ProblemsHeaderProps) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <Group gap="xs" px="sm" py={6} className={className}>
      <Text size="xs" fw={600} tt="uppercase" c="dimmed">
        Problems
      </Text>
      {problems.length === 0 ? (
        <Group gap={4} c="teal" data-testid={cleanTestId}>
          <IconCircleCheck size={14} />
          <Text size="xs">No problems</Text>
        </Group>
      ) : (
        <>
          {errors > 0 && (
            <Badge size="xs" color="red" variant="light">
              {errors} error{errors === 1 ? '' : 's'}
            </Badge>
          )}
          {warnings > 0 && (
            <Badge size="xs" color="yellow" variant="light">
              {warnings} warning{warnings === 1 ? '' : 's'}
            </Badge>
          )}
        </>
      )}
    </Group>
  );
}
