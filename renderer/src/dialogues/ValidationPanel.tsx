import { ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { ProblemsHeader } from '../components/ProblemsHeader';
import { useEditor, useEditorStore } from './editor-context';
import classes from './dialogue-editor.module.css';

/** Every finding of the live validation; clicking one selects and shows its node. */
export function ValidationPanel() {
  const store = useEditorStore();
  const problems = useEditor((s) => s.problems);

  return (
    <section className={classes.validation} aria-label="Validation">
      <ProblemsHeader problems={problems} cleanTestId="validation-clean" className={classes.panelHeader} />
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
