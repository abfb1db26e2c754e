import { getSchema } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { countWords, loadStory, readingMinutes } from '../../main/domain/story';
import { groupChapters } from '../../renderer/src/stories/editor/chapter-structure';
import { storySchemaExtensions } from '../../renderer/src/stories/editor/story-extensions';
import { chapterMarkdownWriter } from '../../renderer/src/stories/editor/story-markdown';
import { generateStory } from '../../bench/story-generator';

const extensions = storySchemaExtensions();
const schema = getSchema(extensions);
const markdown = new MarkdownManager({ extensions });

/** Markdown → the editor's document (in chapters, checked against its schema), as opening a story does. */
function open(text: string) {
  const doc = schema.nodeFromJSON(groupChapters(markdown.parse(text)));
  doc.check();
  return doc;
}

/** Markdown → the editor's document → Markdown, as opening and saving a story does. */
const roundTrip = (text: string) => markdown.serialize(open(text).toJSON());

describe('story markdown', () => {
  it.each([
    ['headings', '# Chapter One\n\n## The Road\n\nShe walked.\n\n### A note\n\nEnd.'],
    ['emphasis', 'Some *quiet* and **loud** words, ***both*** and ~~struck~~.'],
    ['bullet lists', 'Packing:\n\n- a rope\n- two *candles*\n- bread'],
    ['ordered lists', '1. First\n2. Second\n3. Third'],
    ['quotes and rules', '> The sea remembers.\n\n---\n\nAfter.'],
  ])('%s survive markdown → editor → markdown', (_name, text) => {
    const once = roundTrip(text);
    expect(roundTrip(once)).toBe(once);
    expect(once.trim()).toBe(text);
  });

  it('the document holds the structure, not literal markup', () => {
    const chapter = open('# Title\n\nA *b* c').child(0);
    expect(chapter.child(0).type.name).toBe('heading');
    expect(chapter.child(0).attrs.level).toBe(1);
    expect(chapter.child(1).textContent).toBe('A b c');
  });
});

describe('story markdown written a chapter at a time', () => {
  it.each([
    ['a story in chapters', generateStory(3000)],
    ['a prologue before the first chapter', 'Before.\n\n# One\n\nA.\n\n# Two\n\nB.'],
    ['blank paragraphs inside and between chapters', '# One\n\nA.\n\n&nbsp;\n\n&nbsp;\n\n# Two\n\n&nbsp;\n\nB.'],
    ['a story with no chapter heading', 'Just a paragraph.\n\n- and\n- a list'],
    ['an empty chapter heading', '#\n\nText.'],
    ['nothing', ''],
    ['nothing but blank paragraphs', '&nbsp;\n\n&nbsp;'],
  ])('%s: the same Markdown as the whole document', (_name, text) => {
    const doc = open(text);
    expect(chapterMarkdownWriter(markdown).write(doc)).toBe(markdown.serialize(doc.toJSON()));
  });

  it('after edits, still the Markdown of the whole document', () => {
    const { write } = chapterMarkdownWriter(markdown);
    let state = EditorState.create({ doc: open(generateStory(3000)) });
    expect(write(state.doc)).toBe(markdown.serialize(state.doc.toJSON()));
    for (const [i, word] of ['storm ', 'quiet ', 'bell '].entries()) {
      const pos = Math.floor((state.doc.content.size * (i + 1)) / 4);
      state = state.apply(state.tr.insertText(word, state.doc.resolve(pos).start()));
      expect(write(state.doc)).toBe(markdown.serialize(state.doc.toJSON()));
    }
    expect(write(state.doc)).toContain('bell ');
  });
});

describe('story record and counts', () => {
  it('opens a generic item with its notes as the text', () => {
    expect(loadStory({ notes: 'Lore of the keep' })).toEqual({ schemaVersion: 1, markdown: 'Lore of the keep', lore: false });
    expect(loadStory({ schemaVersion: 1, markdown: '# A', lore: true }).lore).toBe(true);
    expect(() => loadStory({ schemaVersion: 1, markdown: 3, lore: false })).toThrow(/not valid/);
    expect(() => loadStory({ schemaVersion: 9, markdown: '', lore: false })).toThrow(/newer version/);
  });

  it('counts words like a writer does and rounds reading time to minutes', () => {
    expect(countWords("The smith's well-worn hammer — 3 blows!")).toBe(6);
    expect(countWords('')).toBe(0);
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(2380)).toBe(10);
  });
});
