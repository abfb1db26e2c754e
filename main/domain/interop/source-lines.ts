import { INTEROP_LIMITS, InteropError } from './interop-error';

/**
 * The lines of an imported script, after checking the file and every line against the
 * size limits, so that a hostile file is refused before any parsing, naming the line.
 */
export function sourceLines(source: string, format: string): string[] {
  if (source.length > INTEROP_LIMITS.maxBytes)
    throw new InteropError(`The ${format} file is larger than ${INTEROP_LIMITS.maxBytes / 1024 / 1024} MB`);
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const long = lines.findIndex((line) => line.length > INTEROP_LIMITS.maxLineLength);
  if (long >= 0) throw new InteropError(`Line ${long + 1} is longer than ${INTEROP_LIMITS.maxLineLength.toLocaleString('en')} characters`);
  return lines;
}
