import type { ErrorCode, ErrorIssue } from '../domain/result';

/** The one error type services throw; hosts turn it into an error value (with the fields at fault, when it names them). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const DISK_FULL = new Set(['ENOSPC', 'SQLITE_FULL', 'EDQUOT']);
const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);
const IO = new Set(['EIO', 'EBUSY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN']);
const CORRUPT = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** Node's file-system errors that name a path, as sentences ("ENOENT: no such file or directory, stat '…'" reads as code). */
const PATH_ERRORS: Record<string, { code: ErrorCode; sentence: (path: string) => string }> = {
  ENOENT: { code: 'not_found', sentence: (path) => `There is no file or folder at ${path}.` },
  ENOTDIR: { code: 'invalid_input', sentence: (path) => `${path} is not a folder (part of the path is a file).` },
  EISDIR: { code: 'invalid_input', sentence: (path) => `${path} is a folder, not a file.` },
  EEXIST: { code: 'conflict', sentence: (path) => `${path} already exists.` },
};

/** Making a folder where a file is fails as EEXIST, which says nothing of why. */
const sentenceOf = (code: string, syscall: unknown, path: string) =>
  code === 'EEXIST' && syscall === 'mkdir' ? `${path} is a file, not a folder.` : PATH_ERRORS[code].sentence(path);

/** Gives file-system and SQLite failures a code and a message a creator can act on. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = String((error as { code?: unknown })?.code ?? '');
  const detail = error instanceof Error ? error.message : String(error);
  const path = (error as { path?: unknown })?.path;
  if (Object.hasOwn(PATH_ERRORS, code) && typeof path === 'string') {
    return new AppError(PATH_ERRORS[code].code, sentenceOf(code, (error as { syscall?: unknown }).syscall, path));
  }
  if (code === 'EMFILE' || code === 'ENFILE') {
    return new AppError('io_error', `Too many files are open at once; close some programs and try again. (${detail})`);
  }
  if (DISK_FULL.has(code) || code.startsWith('SQLITE_FULL')) {
    return new AppError('disk_full', `The disk is full; nothing was changed. Free some space and try again. (${detail})`);
  }
  if (CORRUPT.has(code) || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('project_corrupt', `The project file is damaged or is not a Loreweaver project. (${detail})`);
  }
  if (READ_ONLY.has(code) || code.startsWith('SQLITE_READONLY')) {
    return new AppError(
      'io_error',
      `The file or its folder is read-only, so nothing was changed. Allow writing there and try again. (${detail})`,
    );
  }
  if (IO.has(code) || code.startsWith('SQLITE_IOERR')) {
    return new AppError('io_error', `The file could not be read or written: ${detail}`);
  }
  return new AppError('internal', detail || 'Unexpected error');
}
