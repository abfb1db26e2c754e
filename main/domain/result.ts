/** Values that cross a process or network boundary: never exceptions. */
export type ErrorCode =
  | 'invalid_input'
  | 'too_large'
  | 'unknown_method'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'no_project'
  | 'project_too_new'
  | 'project_corrupt'
  | 'io_error'
  | 'disk_full'
  | 'internal';

export interface ErrorValue {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
