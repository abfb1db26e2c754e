import { Mark, Text } from '@mantine/core';

/** A search snippet with the matched words (between « and », as the index marks them) highlighted. */
export function SnippetText({ snippet }: { snippet: string }) {
  const parts = snippet.split(/«|»/);
  return (
    <Text size="xs" c="dimmed" lineClamp={2}>
      {parts.map((part, i) => (i % 2 === 1 ? <Mark key={i}>{part}</Mark> : <span key={i}>{part}</span>))}
    </Text>
  );
}
