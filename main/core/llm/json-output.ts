import { z } from 'zod';
import type { ChatMessage } from '../../../preload/api';
import { AppError } from '../app-error';
import type { EngineGenerateInput } from './protocol';

export type JsonCheck = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * Checks generated text against the caller's JSON schema. The grammar already keeps the
 * model to the schema's shape, but not to every keyword (lengths, ranges, patterns) and
 * not past `maxTokens`, so the text is parsed and validated before anyone trusts it.
 */
export function jsonChecker(schema: Record<string, unknown>): (text: string) => JsonCheck {
  let validator: z.ZodType;
  try {
    validator = z.fromJSONSchema(schema);
  } catch (error) {
    throw new AppError('invalid_input', `The JSON schema is not valid: ${(error as Error).message}`);
  }
  return (text) => {
    let value: unknown;
    try {
      value = JSON.parse(withoutCodeFence(text));
    } catch (error) {
      return { ok: false, problem: `it is not complete JSON (${(error as Error).message})` };
    }
    const result = validator.safeParse(value);
    if (result.success) return { ok: true, value: result.data };
    const issues = result.error.issues.slice(0, 5).map((issue) => `${issue.path.map(String).join('.') || 'value'}: ${issue.message}`);
    return { ok: false, problem: issues.join('; ') };
  };
}

/** A model asked for JSON in its prompt (a remote server without `json_schema` support) often wraps it in a Markdown code fence. */
function withoutCodeFence(text: string): string {
  return /^\s*```(?:json)?[^\S\n]*\n([\s\S]*?)\n?```\s*$/i.exec(text)?.[1] ?? text;
}

/** The second attempt: the model sees its invalid answer and what is wrong with it. */
export function repairRequest(input: EngineGenerateInput, answer: string, problem: string): EngineGenerateInput {
  const instruction = `That answer is invalid: ${problem}. Reply with only the corrected JSON.`;
  if (input.raw) return { ...input, prompt: `${input.prompt ?? ''}${answer}\n\n${instruction}\n` };
  const conversation: ChatMessage[] = input.messages ?? [{ role: 'user', content: input.prompt ?? '' }];
  const { prompt: _prompt, ...rest } = input;
  return {
    ...rest,
    messages: [...conversation, { role: 'assistant', content: answer }, { role: 'user', content: instruction }],
  };
}
