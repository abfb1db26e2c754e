import { isMethodName, methods, type MethodName } from '../../preload/api';
import { fail, ok, type Result } from '../domain/result';
import { toAppError } from './app-error';
import type { Handlers } from './studio';

/**
 * The single entry for every call from any host: checks the method exists, parses its
 * input with the contract's schema, runs the handler and shapes the outcome as a Result.
 */
export async function dispatch(handlers: Handlers, method: string, input: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) return fail('unknown_method', `Unknown method "${method}"`);
  const parsed = methods[method].input.safeParse(input);
  if (!parsed.success) return fail('invalid_input', describeIssues(method, parsed.error.issues));
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return ok(value);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'internal') console.error(`[loreweaver] ${method} failed:`, error);
    return fail(appError.code, appError.message);
  }
}

function describeIssues(method: MethodName, issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  return `Invalid input for ${method}: ${parts.join('; ')}`;
}
