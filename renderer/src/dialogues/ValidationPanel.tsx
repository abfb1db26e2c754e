import { Badge, Group, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEditor, useEditorStore } from './editor-context';
import classes from './dialogue-editor.module.css';

/** Every finding of the live validation; clicking one selects and shows its node. */
export function ValidationPanel() {
  const store = useEditorStore();
  const problems = useEditor((s) => s.problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;

  return (
    <section className={classes.validation} aria-label="Validation">
      <Group gap="xs" px="sm" py={6} className={classes.panelHeader}>
        <Text size="xs" fw={600} tt="uppercase" c="dimmed">
          Problems
        </Text>
        {problems.length === 0 ? (
          <Group gap={4} c="teal" data-testid="validation-clean">
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
      <ScrollArea.Autosize mah={150}>
        <ul className={classes.problemList}>
          {problems.map((problem, i) => (
            <li key={`${problem.code}-${problem.nodeId}-${problem.field}-${i}`}>
              <UnstyledButton
                className={classes.problem}
                disabled={!problem.nodeId}
                onClick={() => problem.nodeId && store.getState().focusNodes([problem.nodeId])}
                data-code={problem.code}
              >
                {problem.severity === 'error' ? (
                  <IconAlertCircle size={15} color="var(--mantine-color-red-6)" />
                ) : (
                  <IconAlertTriangle size={15} color="var(--mantine-color-yellow-7)" />
                )}
                <Text size="xs" span className={classes.problemText}>
                  {problem.message}
                </Text>
                {problem.nodeId && (
                  <Text size="xs" span c="dimmed" ff="monospace">
                    {problem.nodeId}
                    {problem.field ? ` · ${problem.field}` : ''}
                  </Text>
                )}
              </UnstyledButton>
            </li>
          ))}
        </ul>
      </ScrollArea.Autosize>
    </section>
  );
}
