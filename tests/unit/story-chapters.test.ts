import { getSchema, type JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { joinBackward, joinForward, selectNodeBackward, selectNodeForward } from '@tiptap/pm/commands';
import { history, undo } from '@tiptap/pm/history';
import type { Node as ProseNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Command, type Transaction } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { Markdown } from '@tiptap/markdown';
import { describe, expect, it } from 'vitest';
import {
  chapterBoundaries,
  groupChapters,
  joinChapterBackward,
  joinChapterForward,
} from '../../renderer/src/stories/editor/chapter-structure';
import { storySchemaExtensions } from '../../renderer/src/stories/editor/story-extensions';

const extensions = storySchemaExtensions();
const schema = getSchema(extensions);
const markdown = new MarkdownManager({ extensions });
/** The same story schema without chapters: what a story's blocks do when nothing groups them. */
const flatExtensions = [
  StarterKit.configure({ heading: { levels: [1, 2, 3] }, codeBlock: false, code: false, link: { openOnClick: false } }),
  Markdown,
];
const flatSchema = getSchema(flatExtensions);
const flatMarkdown = new MarkdownManager({ extensions: flatExtensions });

const STORY = [
  'A prologue with no heading.',
  '# One',
  'She walked to the *harbour*.',
  '## The road',
  '- a rope\n- a lantern',
  '# Two',
  '> # A heading quoted inside a block stays where it is.',
  '---',
  '# Three',
  'The bell rang.',
  '# Four',
  'End.',
].join('\n\n');

const chapters = (text: string) => schema.nodeFromJSON(groupChapters(markdown.parse(text)));
const serialize = (doc: ProseNode) => markdown.serialize(doc.toJSON() as JSONContent);
const titles = (doc: ProseNode) => doc.children.map((chapter) => chapter.firstChild!.textContent);

const storyState = (text: string) => EditorState.create({ doc: chapters(text), plugins: [chapterBoundaries(), history()] });

/** The position of `offset` characters into the text block that starts with `start`. */
function posIn(doc: ProseNode, start: string, offset = 0): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isTextblock && node.textContent.startsWith(start)) found = pos + 1 + offset;
    return found < 0;
  });
  if (found < 0) throw new Error(`no block starts with ${start}`);
  return found;
}

const withCursor = (state: EditorState, pos: number) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));

function run(state: EditorState, command: Command): EditorState | null {
  let tr: Transaction | undefined;
  return command(state, (t) => (tr = t)) && tr ? state.apply(tr) : null;
}

describe('story chapters', () => {
  it('group a story at its chapter headings and save it as the same Markdown', () => {
    const doc = chapters(STORY);
    doc.check();
    expect(doc.childCount).toBe(5);
    expect(titles(doc)).toEqual(['A prologue with no heading.', 'One', 'Two', 'Three', 'Four']);
    expect(doc.child(2).child(0).type.name).toBe('heading');
    expect(serialize(doc)).toBe(flatMarkdown.serialize(flatSchema.nodeFromJSON(flatMarkdown.parse(STORY)).toJSON() as JSONContent));
    expect(serialize(doc).trim()).toBe(STORY);
  });

  it('an empty story is one chapter with an empty paragraph', () => {
    const doc = chapters('');
    doc.check();
    expect(doc.childCount).toBe(1);
    expect(serialize(doc)).toBe('');
  });

  it('making a paragraph a chapter heading starts a chapter there, undone in one step', () => {
    const state = storyState(STORY);
    const pos = posIn(state.doc, 'The bell');
    const next = state.apply(state.tr.setBlockType(pos, pos, schema.nodes.heading, { level: 1 }));
    next.doc.check();
    expect(titles(next.doc)).toEqual(['A prologue with no heading.', 'One', 'Two', 'Three', 'The bell rang.', 'Four']);
    let undone: EditorState | undefined;
    undo(next, (tr) => (undone = next.apply(tr)));
    expect(undone!.doc.eq(state.doc)).toBe(true);
  });

  it('a chapter heading made a section heading joins its chapter to the one before', () => {
    const state = storyState(STORY);
    const pos = posIn(state.doc, 'Two');
    const next = state.apply(state.tr.setBlockType(pos, pos, schema.nodes.heading, { level: 2 }));
    next.doc.check();
    expect(titles(next.doc)).toEqual(['A prologue with no heading.', 'One', 'Three', 'Four']);
    expect(serialize(next.doc)).toContain('## Two');
  });

  it('a deletion across chapters leaves whole chapters behind', () => {
    const state = storyState(STORY);
    const next = state.apply(state.tr.delete(posIn(state.doc, 'She walked', 4), posIn(state.doc, 'The bell', 4)));
    next.doc.check();
    expect(titles(next.doc)).toEqual(['A prologue with no heading.', 'One', 'Four']);
    expect(serialize(next.doc)).toContain('She bell rang.');
  });

  it('Markdown inserted into a chapter (an AI outline) becomes chapters at its headings', () => {
    const state = storyState(STORY);
    const pos = posIn(state.doc, 'End.', 4) + 1;
    const next = state.apply(state.tr.replaceWith(pos, pos, schema.nodeFromJSON(markdown.parse('# Five\n\nA plan.'))));
    next.doc.check();
    expect(titles(next.doc)).toEqual(['A prologue with no heading.', 'One', 'Two', 'Three', 'Four', 'Five']);
  });

  /** Backspace at a block's start and Delete at its end, in the story and in the same story without chapters. */
  const edges: [string, string, 'start' | 'end'][] = [
    ['Backspace on a chapter heading after a paragraph joins the two', 'Four', 'start'],
    ['Backspace on a chapter heading after a list', 'Two', 'start'],
    ['Backspace on a chapter heading after a rule', 'Three', 'start'],
    ['Backspace on the first chapter heading after a prologue', 'One', 'start'],
    ['Delete at the end of a chapter joins the next heading to it', 'The bell', 'end'],
    ['Delete at the end of a chapter ending in a list', 'a lantern', 'end'],
    ['Delete at the end of the prologue', 'A prologue', 'end'],
  ];
  it.each(edges)('%s, as in a flat story', (_name, block, where) => {
    const flat = EditorState.create({ doc: flatSchema.nodeFromJSON(flatMarkdown.parse(STORY)) });
    const story = storyState(STORY);
    const at = (doc: ProseNode) => {
      const pos = posIn(doc, block);
      let size = 0;
      doc.nodesBetween(pos, pos, (node) => void (node.isTextblock && (size = node.content.size)));
      return where === 'start' ? pos : pos + size;
    };
    const chain: Command =
      where === 'start' ? (s, d) => joinBackward(s, d) || selectNodeBackward(s, d) : (s, d) => joinForward(s, d) || selectNodeForward(s, d);
    const ours: Command = where === 'start' ? joinChapterBackward : joinChapterForward;
    const expected = run(withCursor(flat, at(flat.doc)), chain);
    const got = run(withCursor(story, at(story.doc)), (s, d) => ours(s, d) || chain(s, d));
    expect(expected).not.toBeNull();
    expect(got).not.toBeNull();
    got!.doc.check();
    expect(serialize(got!.doc)).toBe(flatMarkdown.serialize(expected!.doc.toJSON() as JSONContent));
    expect(got!.selection.toJSON().type).toBe(expected!.selection.toJSON().type);
  });

  it("Backspace and Delete inside a chapter, or at the story's ends, are left to the editor", () => {
    const state = storyState(STORY);
    expect(joinChapterBackward(withCursor(state, posIn(state.doc, 'The bell')))).toBe(false);
    expect(joinChapterBackward(withCursor(state, posIn(state.doc, 'A prologue')))).toBe(false);
    expect(joinChapterForward(withCursor(state, posIn(state.doc, 'She walked', 3)))).toBe(false);
    expect(joinChapterForward(withCursor(state, posIn(state.doc, 'End.', 4)))).toBe(false);
  });
});
