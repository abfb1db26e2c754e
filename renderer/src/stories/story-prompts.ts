import type { MethodInput } from '../../../preload/api';

type Request = MethodInput<'llm:generate'>;

/** Enough preceding prose for a small model's context, cut at a word. */
const CONTINUE_CONTEXT_CHARS = 2400;
const PROSE_CONTEXT_CHARS = 8000;

const tail = (text: string, limit: number) => (text.length <= limit ? text : text.slice(text.indexOf(' ', text.length - limit) + 1));
const head = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, text.lastIndexOf(' ', limit))} …`);

const EDITOR_SYSTEM = 'You are a skilled fiction editor and co-writer. Answer with the requested text only, no preamble or commentary.';

/**
 * "Continue" as plain completion of the text before the cursor: small story models
 * (TinyStories and the like) are completion models with no chat template, and chat
 * models continue prose well this way too.
 */
export const continueRequest = (before: string, requestId: string): Request => ({
  requestId,
  raw: true,
  prompt: tail(before, CONTINUE_CONTEXT_CHARS),
  maxTokens: 160,
  temperature: 0.8,
  repeatPenalty: 1.1,
});

export const REWRITE_DIRECTIONS = [
  { group: 'Tone', items: ['more formal', 'more casual', 'darker', 'lighter', 'more vivid', 'plainer'] },
  { group: 'Length', items: ['shorter', 'longer'] },
  { group: 'Tense', items: ['in the past tense', 'in the present tense'] },
  { group: 'Point of view', items: ['in the first person', 'in the second person', 'in the third person'] },
] as const;

export const rewriteRequest = (selection: string, direction: string, requestId: string): Request => ({
  requestId,
  system: EDITOR_SYSTEM,
  prompt: `Rewrite this passage ${direction}. Keep its meaning, names and events.\n\nPassage:\n${head(selection, PROSE_CONTEXT_CHARS)}\n\nRewritten passage:`,
  maxTokens: Math.min(2048, Math.ceil(selection.length / 2) + 200),
  temperature: 0.7,
});

export const summaryRequest = (text: string, requestId: string): Request => ({
  requestId,
  system: EDITOR_SYSTEM,
  prompt: `Summarize this story in one short paragraph.\n\n${head(text, PROSE_CONTEXT_CHARS)}\n\nSummary:`,
  maxTokens: 300,
  temperature: 0.5,
});

export const outlineRequest = (text: string, requestId: string): Request => ({
  requestId,
  system: EDITOR_SYSTEM,
  prompt: `${text.trim() ? `The story so far:\n${tail(text, PROSE_CONTEXT_CHARS)}\n\n` : ''}Write an outline of the chapters${
    text.trim() ? ' that could follow' : ' of a story'
  }: a Markdown bullet list, one line per chapter, each "Chapter title: what happens".`,
  maxTokens: 400,
  temperature: 0.8,
});

export const NAME_KINDS = ['character', 'place', 'tavern or inn', 'ship', 'item or weapon', 'faction or guild'] as const;

export const namesRequest = (kind: string, hint: string, context: string, requestId: string): Request => ({
  requestId,
  system: EDITOR_SYSTEM,
  prompt: `${context.trim() ? `Setting:\n${head(context, 2000)}\n\n` : ''}Suggest 10 fitting names for a ${kind}${
    hint.trim() ? ` (${hint.trim()})` : ''
  }. One name per line, no numbering, no explanations.`,
  maxTokens: 160,
  temperature: 0.9,
});
