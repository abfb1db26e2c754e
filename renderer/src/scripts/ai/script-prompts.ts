import { SCRIPT_EXTENSIONS, SCRIPT_LANGUAGE_LABELS, type ScriptLanguage } from '../../../../main/domain/script';

/** How much of the file before the cursor an inline completion sees: enough context, a short prompt. */
export const COMPLETION_CONTEXT_CHARS = 2000;

const lineComment = (language: ScriptLanguage) => (language === 'luau' ? '--' : '//');

/**
 * An inline completion continues the file as plain text (no chat template): a comment
 * naming the file, then the code before the cursor.
 */
export function completionPrompt(language: ScriptLanguage, name: string, before: string): string {
  const header = language === 'json' ? '' : `${lineComment(language)} ${name}.${SCRIPT_EXTENSIONS[language]}\n`;
  return header + before.slice(-COMPLETION_CONTEXT_CHARS);
}

/**
 * Tidies what the model wrote at the cursor: stops where the code after the cursor begins
 * again (so accepting never duplicates it) and drops a trailing blank line.
 */
export function trimCompletion(text: string, after: string): string {
  let out = text.replace(/\r\n?/g, '\n');
  const next = after
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length >= 4);
  if (next) {
    const at = out.indexOf(next);
    if (at >= 0) out = out.slice(0, at);
  }
  return out.replace(/\n\s*$/, '');
}

const SYSTEM = (language: ScriptLanguage) =>
  `You are a senior game programmer helping a creator with ${SCRIPT_LANGUAGE_LABELS[language]} scripts for ${
    language === 'luau' ? 'Roblox' : 'web 3D worlds'
  }. Be correct and brief.`;

const fence = (language: ScriptLanguage, code: string) => `\`\`\`${language}\n${code}\n\`\`\``;

export function explainPrompt(language: ScriptLanguage, code: string) {
  return {
    system: SYSTEM(language),
    prompt: `Explain what this ${SCRIPT_LANGUAGE_LABELS[language]} code does, in a few short sentences, then point out any bug you see.\n\n${fence(language, code)}`,
    maxTokens: 400,
  };
}

export function functionFromCommentPrompt(language: ScriptLanguage, comment: string, context: string) {
  return {
    system: SYSTEM(language),
    prompt: `Here is the code so far:\n${fence(language, context)}\n\nWrite one ${SCRIPT_LANGUAGE_LABELS[language]} function that does what this comment asks. Answer with the code only, no explanation.\n\n${comment}`,
    maxTokens: 600,
  };
}

export function convertPrompt(from: ScriptLanguage, to: ScriptLanguage, code: string) {
  const target = to === 'luau' ? 'Luau for Roblox (with type annotations)' : 'TypeScript for a web world (strict types)';
  return {
    system: SYSTEM(from),
    prompt: `Convert this ${SCRIPT_LANGUAGE_LABELS[from]} code to ${target}. Keep names and behaviour. Answer with the converted code only.\n\n${fence(from, code)}`,
    maxTokens: 1500,
  };
}

/** The code of a model's answer: the first fenced block when there is one, the whole answer otherwise. */
export function codeOfAnswer(answer: string): string {
  const fenced = /```[\w-]*\n([\s\S]*?)(?:```|$)/.exec(answer);
  return (fenced ? fenced[1] : answer).replace(/^\n+|\s+$/g, '');
}

/**
 * The comment a "write a function" request starts from: the selection when there is one,
 * otherwise the run of comment lines at or just above the cursor line.
 */
export function commentAt(
  lines: readonly string[],
  cursorLine: number,
  language: ScriptLanguage,
): { text: string; endLine: number } | null {
  const marker = lineComment(language);
  const isComment = (line: string | undefined) => line !== undefined && line.trim().startsWith(marker);
  let end = cursorLine;
  while (end >= 1 && !isComment(lines[end - 1])) {
    if (lines[end - 1]?.trim()) return null;
    end--;
  }
  if (end < 1) return null;
  let start = end;
  while (start > 1 && isComment(lines[start - 2])) start--;
  return { text: lines.slice(start - 1, end).join('\n'), endLine: end };
}
