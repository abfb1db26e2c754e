import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../renderer/src/app/sections';

const RENDERER = join(import.meta.dirname, '../../renderer/src');

/** Words that keep their capital inside a sentence: names of things, formats and keys. */
const PROPER = new Set(
  (
    'NPC NPCs AI Luau Roblox Yarn Spinner Twee Twine SugarCube JSON CSV Rojo SillyTavern GGUF Hugging Face Markdown Monaco ' +
    'Alt Ctrl Shift Enter Esc Tab Cmd PNG URL API Studio Loreweaver OK I Lv Id ID TypeScript JavaScript Ollama LM vLLM ' +
    'Character Card V1 V2 V3 Unicode English Mac Windows Linux Get Installed Brannoc Mara Emberfall Check Undo Sunken Kingdom'
  ).split(' '),
);
/** Section names ("Test chat") are names too, wherever a text sends the creator to one. */
const SECTION_NAMES = new RegExp(`\\b(?:${SECTIONS.map((s) => s.label).join('|')})\\b`, 'g');
/** Props whose text a creator reads as a label, a heading or a hint. */
const TEXT_PROPS = new Set([
  'label',
  'title',
  'placeholder',
  'aria-label',
  'submitLabel',
  'confirmLabel',
  'newLabel',
  'description',
  'hint',
  'emptyTitle',
  'pickTitle',
]);

/**
 * The words of `text` that are capitalised mid-sentence (Title Case), ignoring names, code
 * identifiers (`DialogueRunner`) and the first word of each sentence or quotation.
 */
function titleCaseWords(text: string): string[] {
  const found: string[] = [];
  for (const sentence of text.replace(SECTION_NAMES, 'section').split(/[.!?:;…“”"‘(]\s*|\s[—–]\s/)) {
    const words = sentence
      .trim()
      .split(/\s+/)
      .filter((w) => /^[A-Za-z]/.test(w));
    for (const word of words.slice(1)) {
      const bare = word.replace(/[^A-Za-z0-9’']+$/g, '');
      const identifier = /[a-z][A-Z]/.test(bare);
      if (/^[A-Z][a-z]/.test(bare) && !identifier && !PROPER.has(bare) && !PROPER.has(bare.replace(/[’']s$/, ''))) found.push(bare);
    }
  }
  return found;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** Every label, heading and piece of JSX text in the renderer (props, and the same keys in objects: notifications, menus), with where it is. */
function uiTexts(): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [];
  for (const file of filesIn(RENDERER)) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const add = (node: ts.Node, text: string) => {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      if (text.trim()) texts.push({ where: `${relative(RENDERER, file)}:${line + 1}`, text: text.trim() });
    };
    const literal = (node: ts.Node | undefined): string | undefined =>
      node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
    const visit = (node: ts.Node) => {
      if (ts.isJsxText(node)) add(node, node.text);
      if (ts.isPropertyAssignment(node) && TEXT_PROPS.has(node.name.getText(source).replace(/['"]/g, ''))) {
        if (ts.isStringLiteral(node.initializer)) add(node, node.initializer.text);
      }
      if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText(source))) {
        const init = node.initializer;
        const text = literal(init) ?? (init && ts.isJsxExpression(init) ? literal(init.expression) : undefined);
        if (text !== undefined) add(node, text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return texts;
}

describe('UI text', () => {
  it('is in sentence case: labels, buttons and headings capitalise their first word and names only', () => {
    const texts = uiTexts();
    expect(texts.length).toBeGreaterThan(500);
    const titleCase = texts.filter(({ text }) => titleCaseWords(text).length).map(({ where, text }) => `${where}: ${text}`);
    expect(titleCase).toEqual([]);
  });

  it('tells Title Case from sentence case', () => {
    expect(titleCaseWords('Add Stage')).toEqual(['Stage']);
    expect(titleCaseWords('Open the NPC')).toEqual([]);
    expect(titleCaseWords('Add an Action node with “Start quest”. Then save.')).toEqual(['Action']);
    expect(titleCaseWords('Play this dialogue in Test chat')).toEqual([]);
  });
});
