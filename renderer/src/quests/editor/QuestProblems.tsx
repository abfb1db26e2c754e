import { Group, Paper, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import type { QuestProblemView } from '../../../../preload/contract/quests';
import { ProblemsHeader } from '../../components/ProblemsHeader';
import { openItem } from '../navigate';

interface QuestProblemsProps {
  problems: QuestProblemView[];
  onSelectStage(stageId: string): void;
}

/** The quest's validation: each problem opens its stage, or the dialogue it was found in. */
export function QuestProblems({ problems, onSelectStage }: QuestProblemsProps) {
  return (
    <Paper withBorder radius="md" aria-label="Validation" component="section">
      <ProblemsHeader problems={problems} cleanTestId="quest-validation-clean" />
      {problems.length > 0 && (
        <ScrollArea.Autosize mah={140}>
          <ProblemList problems={problems} onSelectStage={onSelectStage} />
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}

function ProblemList({ problems, onSelectStage }: QuestProblemsProps) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: '0 0 6px' }}>
      {problems.map((problem, i) => {
        const open = problem.dialogueId
          ? () => openItem('dialogue', problem.dialogueId!, problem.nodeId)
          : problem.stageId
            ? () => onSelectStage(problem.stageId!)
            : undefined;
        return (
          <li key={`${problem.code}-${i}`}>
            <UnstyledButton onClick={open} disabled={!open} px="sm" py={3} w="100%" data-code={problem.code}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                {problem.severity === 'error' ? (
                  <IconAlertCircle size={15} color="var(--mantine-color-red-6)" style={{ flex: 'none' }} />
                ) : (
                  <IconAlertTriangle size={15} color="var(--mantine-color-yellow-7)" style={{ flex: 'none' }} />
                )}
                <Text size="xs">{problem.message}</Text>
                {(problem.stageId || problem.nodeId) && (
                  <Text size="xs" c="dimmed" ff="monospace" style={{ flex: 'none' }}>
                    {problem.nodeId ?? problem.stageId}
                  </Text>
                )}
              </Group>
            </UnstyledButton>
          </li>
        );
      })}
    </ul>
  );
}
