import type { MethodInput } from '../../../preload/api';
import type { FormRule } from '../../../main/domain/poetry';

type Request = MethodInput<'llm:generate'>;

const POET_SYSTEM = 'You are a careful poet. Answer with the poem or line only: no title, no commentary, no quotation marks.';

const formText = (rule: FormRule, scheme: string | null) =>
  [`${rule.label}: ${rule.description}`, scheme ? `Rhyme scheme: ${scheme}.` : '', rule.meterHint ? `Meter: ${rule.meterHint}` : '']
    .filter(Boolean)
    .join(' ');

export const writePoemRequest = (theme: string, rule: FormRule, scheme: string | null, requestId: string): Request => ({
  requestId,
  system: POET_SYSTEM,
  prompt: `Write a poem about ${theme.trim() || 'the sea at night'}. Form: ${formText(rule, scheme)} One verse line per line, a blank line between stanzas.`,
  maxTokens: 400,
  temperature: 0.9,
});

export const rewriteLineRequest = (
  poem: string,
  line: string,
  syllables: number,
  rhymeWith: string | null,
  requestId: string,
): Request => ({
  requestId,
  system: POET_SYSTEM,
  prompt: `The poem:\n${poem}\n\nRewrite this one line so it says it better: "${line}"\nKeep exactly ${syllables} syllables${
    rhymeWith ? ` and end on a word that rhymes with "${rhymeWith}"` : ''
  }. Answer with the new line only.`,
  maxTokens: 60,
  temperature: 0.9,
});

export const modelRhymesRequest = (word: string, requestId: string): Request => ({
  requestId,
  system: POET_SYSTEM,
  prompt: `List 12 words or short phrases that rhyme with "${word}", including near rhymes. One per line, nothing else.`,
  maxTokens: 120,
  temperature: 0.8,
});

/** The first non-empty line of a model answer, without quotes or a list marker. */
export const firstLine = (text: string): string =>
  (text.split('\n').find((l) => l.trim()) ?? '')
    .replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '')
    .replace(/^["“']+|["”']+$/g, '')
    .trim();

/** A poem from a model answer: no surrounding blank lines, no more than one blank line between stanzas. */
export const cleanPoem = (text: string): string =>
  text
    .replace(/\r/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
