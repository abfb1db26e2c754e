import { Badge, Box, Group, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronUp, IconCircleCheck, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { monaco } from './monaco/monaco-setup';

interface ProblemsPanelProps {
  markers: readonly monaco.editor.IMarker[];
  /** Whether this language is checked at all (Luau has no checker in the studio). */
  checked: boolean;
  onPick(marker: monaco.editor.IMarker): void;
}

const severityIcon = (severity: monaco.MarkerSeverity) =>
  severity === monaco.MarkerSeverity.Error ? (
    <IconCircleX size={15} color="var(--mantine-color-red-6)" />
  ) : severity === monaco.MarkerSeverity.Warning ? (
    <IconAlertTriangle size={15} color="var(--mantine-color-yellow-6)" />
  ) : (
    <IconInfoCircle size={15} color="var(--mantine-color-blue-6)" />
  );

/** The problems list under the editor: a count that opens into the list; a click goes to the problem. */
export function ProblemsPanel({ markers, checked, onPick }: ProblemsPanelProps) {
  const [open, setOpen] = useState(true);
  const sorted = [...markers].sort((a, b) => b.severity - a.severity || a.startLineNumber - b.startLineNumber);
  return (
    <Box data-testid="problems" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <UnstyledButton onClick={() => setOpen((o) => !o)} px="sm" py={6} w="100%" aria-expanded={open}>
        <Group gap="xs">
          {open ? <IconChevronDown size={14} /> : <IconChevronUp size={14} />}
          <Text size="sm" fw={600}>
            Problems
          </Text>
          <Badge size="sm" variant="light" color={markers.length ? 'red' : 'gray'} data-testid="problem-count">
            {markers.length}
          </Badge>
        </Group>
      </UnstyledButton>
      {open && (
        <ScrollArea.Autosize mah={140} px="xs" pb={4}>
          {sorted.length === 0 ? (
            <Group gap={6} px="xs" pb={6}>
              <IconCircleCheck size={15} color="var(--mantine-color-green-6)" />
              <Text size="xs" c="dimmed">
                {checked ? 'No problems found.' : 'Luau is highlighted here, not type-checked; run it in Roblox Studio to check it.'}
              </Text>
            </Group>
          ) : (
            <ul aria-label="Problems list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {sorted.map((marker, i) => (
                <li key={`${marker.startLineNumber}:${marker.startColumn}:${i}`}>
                  <UnstyledButton
                    onClick={() => onPick(marker)}
                    px="xs"
                    py={2}
                    w="100%"
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  >
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      {severityIcon(marker.severity)}
                      <Text size="xs" style={{ flex: 1 }}>
                        {marker.message.split('\n')[0]}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {marker.startLineNumber}:{marker.startColumn}
                      </Text>
                    </Group>
                  </UnstyledButton>
                </li>
              ))}
            </ul>
          )}
        </ScrollArea.Autosize>
      )}
    </Box>
  );
}
