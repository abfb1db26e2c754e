import { Text } from '@mantine/core';
import type { Editor } from '@tiptap/core';
import { memo } from 'react';
import { readingMinutes } from '../../../main/domain/story';
import { useStoryWords } from './use-story-summary';

/** Words and reading time, recounted once typing pauses; draws again only when the count changes. */
export const StoryCounts = memo(function StoryCounts({ editor }: { editor: Editor }) {
  const words = useStoryWords(editor);
  return (
    <Text size="xs" c="dimmed" data-testid="story-counts">
      {words.toLocaleString()} {words === 1 ? 'word' : 'words'} · {readingMinutes(words)} min read
    </Text>
  );
});
