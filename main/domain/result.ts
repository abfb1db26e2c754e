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

/** One reason an input was refused, at the path of the field it concerns (`quest.stages.0.title`), relative to the method's input. */
export interface ErrorIssue {
  path: (string | number)[];
  message: string;
}

export interface ErrorValue {
  code: ErrorCode;
  message: string;
  /** For an input refused as invalid: each field at fault, so an editor can point at it. */
  issues?: ErrorIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: ErrorIssue[]): Result<never> => ({
  ok: false,
  error: { code, message, ...(issues?.length ? { issues } : {}) },
});
