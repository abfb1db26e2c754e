import { describe, expect, it } from 'vitest';
import {
  codeOfAnswer,
  commentAt,
  COMPLETION_CONTEXT_CHARS,
  completionPrompt,
  trimCompletion,
} from '../../renderer/src/scripts/ai/script-prompts';

describe('script AI prompts', () => {
  it('continues the file from a header naming it, with at most the last 2,000 characters before the cursor', () => {
    expect(completionPrompt('luau', 'Patrol', 'local x = ')).toBe('-- Patrol.luau\nlocal x = ');
    expect(completionPrompt('typescript', 'Hud', 'const a')).toBe('// Hud.ts\nconst a');
    const long = 'x'.repeat(5000);
    expect(completionPrompt('json', 'data', long)).toHaveLength(COMPLETION_CONTEXT_CHARS);
  });

  it('cuts a completion where the code after the cursor begins again', () => {
    expect(trimCompletion('10\nprint(gold)\nend', '\nprint(gold)\nend')).toBe('10');
    expect(trimCompletion('hp - 1\n', '')).toBe('hp - 1');
    expect(trimCompletion('a\r\nb', 'x')).toBe('a\nb');
  });

  it('finds the comment block at or just above the cursor', () => {
    const lines = ['local a = 1', '-- Heal every guard', '-- by 10 points', '', 'print(a)'];
    expect(commentAt(lines, 4, 'luau')).toEqual({ text: '-- Heal every guard\n-- by 10 points', endLine: 3 });
    expect(commentAt(lines, 2, 'luau')).toEqual({ text: '-- Heal every guard', endLine: 2 });
    expect(commentAt(lines, 5, 'luau')).toBeNull();
    expect(commentAt(['// sum two numbers'], 1, 'typescript')).toEqual({ text: '// sum two numbers', endLine: 1 });
  });

  it('takes the code out of a fenced answer, or the whole answer without a fence', () => {
    expect(codeOfAnswer('Here you go:\n```lua\nlocal x = 1\n```\nDone.')).toBe('local x = 1');
    expect(codeOfAnswer('```ts\nconst a = 1;\n')).toBe('const a = 1;');
    expect(codeOfAnswer('\nlocal y = 2\n\n')).toBe('local y = 2');
  });
});
