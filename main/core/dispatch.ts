import { isMethodName, methods, type MethodName } from '../../preload/api';
import { filePathKeys } from '../../preload/contract/file-path';
import { fail, ok, type ErrorIssue, type Result } from '../domain/result';
import { toAppError } from './app-error';
import { eventLoopTurns } from './event-loop-turns';
import { confinePath } from './fs/confined-path';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from './input-depth';
import type { Handlers } from './studio';

/** The folders file paths in calls must stay inside (see confined-path.ts). */
export type FileRoots = () => readonly string[];

/**
 * The single entry for every call from any host: checks the method exists, parses its
 * input with the contract's schema, confines its file paths to the allowed folders, runs
 * the handler and shapes the outcome as a Result. A large input (an NPC with a long
 * lorebook, thousands of dialogue nodes) takes milliseconds to check, so between these
 * steps other calls get their turn once one has run long.
 */
export async function dispatch(handlers: Handlers, method: string, input: unknown, fileRoots: FileRoots): Promise<Result<unknown>> {
  if (!isMethodName(method)) return fail('unknown_method', `Unknown method "${method}"`);
  const turn = eventLoopTurns();
  if (nestsDeeperThan(input, MAX_INPUT_DEPTH)) {
    return fail('invalid_input', `Invalid input for ${method}: nested more than ${MAX_INPUT_DEPTH} levels deep`);
  }
  await turn();
  const parsed = methods[method].input.safeParse(input);
  if (!parsed.success) return fail('invalid_input', describeIssues(method, parsed.error.issues), issuesOf(parsed.error.issues));
  await turn();
  try {
    const value = await (handlers[method] as (input: unknown) => unknown)(confined(method, parsed.data, fileRoots));
    return ok(value);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'internal') console.error(`[loreweaver] ${method} failed:`, error);
    return fail(appError.code, appError.message, appError.issues);
  }
}

const pathKeysByMethod = new Map<MethodName, string[]>();

/** The input with each of its file paths replaced by its confined real path; throws when one is refused. */
function confined(method: MethodName, input: unknown, fileRoots: FileRoots): unknown {
  let keys = pathKeysByMethod.get(method);
  if (!keys) pathKeysByMethod.set(method, (keys = filePathKeys(methods[method].input)));
  const record = input as Record<string, unknown>;
  const present = keys.filter((key) => typeof record[key] === 'string');
  if (!present.length) return input;
  const roots = fileRoots();
  return { ...record, ...Object.fromEntries(present.map((key) => [key, confinePath(record[key] as string, roots)])) };
}

/** The issues of a refused input as plain values: each path (symbols, which no schema here uses, as text) and its message. */
const issuesOf = (issues: readonly { path: PropertyKey[]; message: string }[]): ErrorIssue[] =>
  issues.map((issue) => ({ path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))), message: issue.message }));

function describeIssues(method: MethodName, issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  return `Invalid input for ${method}: ${parts.join('; ')}`;
}
