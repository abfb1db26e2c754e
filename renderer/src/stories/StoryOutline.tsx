import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import type { Editor } from '@tiptap/core';
import type { StoryHeading } from './use-story-summary';

/** Jumps to a heading: cursor at its start, heading scrolled to the top of the page. */
function jumpTo(editor: Editor, heading: StoryHeading) {
  editor
    .chain()
    .focus()
    .setTextSelection(heading.pos + 1)
    .run();
  const dom = editor.view.nodeDOM(heading.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

/** Chapters and sections of the story (its headings); a click jumps there. */
export function StoryOutline({ editor, headings }: { editor: Editor; headings: StoryHeading[] }) {
  return (
    <Stack gap={4} h="100%">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="sm">
        Outline
      </Text>
      <ScrollArea flex={1} px={4}>
        <nav aria-label="Story outline">
          {headings.map((h) => (
            <NavLink
              key={h.pos}
              component="button"
              label={h.text || 'Untitled'}
              onClick={() => jumpTo(editor, h)}
              pl={8 + (h.level - 1) * 14}
              py={4}
              styles={{ label: { fontSize: h.level === 1 ? 13 : 12, fontWeight: h.level === 1 ? 600 : 400 } }}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            />
          ))}
        </nav>
        {headings.length === 0 && (
          <Text size="xs" c="dimmed" px="sm">
            Start a line with # for a chapter or ## for a section; they appear here.
          </Text>
        )}
      </ScrollArea>
    </Stack>
  );
}
