import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import type { Editor } from '@tiptap/core';
import { memo } from 'react';
import { forEachHeading, useStoryHeadings } from './use-story-summary';

/**
 * Brings `dom` to the top of its scrolling page and keeps it there while the blocks above it
 * are drawn for the first time: an undrawn block takes a guessed height until it is drawn,
 * so one scroll lands short of a heading far down a long story.
 */
function alignToTop(dom: HTMLElement, framesLeft = 10) {
  const before = dom.getBoundingClientRect().top;
  dom.scrollIntoView({ block: 'start' });
  if (framesLeft > 0 && Math.abs(dom.getBoundingClientRect().top - before) > 1) requestAnimationFrame(() => alignToTop(dom, framesLeft - 1));
}

/** Jumps to the story's `index`-th heading: cursor at its start, heading at the top of the page. */
function jumpTo(editor: Editor, index: number) {
  let pos = -1;
  let seen = 0;
  forEachHeading(editor.state.doc, (_heading, at) => {
    if (seen++ === index) pos = at;
  });
  if (pos < 0) return;
  editor
    .chain()
    .setTextSelection(pos + 1)
    .focus(undefined, { scrollIntoView: false })
    .run();
  const dom = editor.view.nodeDOM(pos);
  if (dom instanceof HTMLElement) alignToTop(dom);
}

/**
 * Chapters and sections of the story (its headings); a click jumps there. It reads the
 * headings itself once typing pauses, and draws again only when they change.
 */
export const StoryOutline = memo(function StoryOutline({ editor }: { editor: Editor }) {
  const headings = useStoryHeadings(editor);
  return (
    <Stack gap={4} h="100%">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="sm">
        Outline
      </Text>
      <ScrollArea flex={1} px={4}>
        <nav aria-label="Story outline">
          {headings.map((h, i) => (
            <NavLink
              key={i}
              component="button"
              label={h.text || 'Untitled'}
              onClick={() => jumpTo(editor, i)}
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
});
