import { Badge, Box, Group, ScrollArea, Text } from '@mantine/core';
import { useMemo } from 'react';
import { diffLines, diffStats, foldUnchanged } from '../../../main/domain/text-diff';

const LINE_STYLE = {
  add: { background: 'var(--mantine-color-green-light)', sign: '+' },
  remove: { background: 'var(--mantine-color-red-light)', sign: '−' },
  equal: { background: undefined, sign: ' ' },
} as const;

/** What changed from `before` to `after`, line by line, with long unchanged stretches folded. */
export function TextDiffView({ before, after, maxHeight = 360 }: { before: string; after: string; maxHeight?: number }) {
  const lines = useMemo(() => diffLines(before, after), [before, after]);
  const stats = diffStats(lines);
  const chunks = useMemo(() => foldUnchanged(lines), [lines]);
  if (stats.added === 0 && stats.removed === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="text-diff">
        No differences in the text.
      </Text>
    );
  }
  return (
    <Box data-testid="text-diff">
      <Group gap="xs" mb={6}>
        <Badge size="sm" variant="light" color="green">
          +{stats.added}
        </Badge>
        <Badge size="sm" variant="light" color="red">
          −{stats.removed}
        </Badge>
        <Text size="xs" c="dimmed">
          lines, from this revision to the current one
        </Text>
      </Group>
      <ScrollArea.Autosize mah={maxHeight} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
        <Box component="pre" m={0} fz={12} ff="monospace" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {chunks.map((chunk, i) =>
            chunk.kind === 'skipped' ? (
              <Text key={i} size="xs" c="dimmed" px={6} py={2} bg="var(--mantine-color-default-hover)">
                {chunk.count} unchanged line{chunk.count === 1 ? '' : 's'}
              </Text>
            ) : (
              chunk.lines.map((line, j) => (
                <Box key={`${i}-${j}`} px={6} data-op={line.op} style={{ background: LINE_STYLE[line.op].background }}>
                  {LINE_STYLE[line.op].sign} {line.text || ' '}
                </Box>
              ))
            ),
          )}
        </Box>
      </ScrollArea.Autosize>
    </Box>
  );
}
