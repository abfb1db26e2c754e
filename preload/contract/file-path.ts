/**
 * Fields of the contract that name a file or folder on the studio's machine. Each is a
 * `FilePath` (registered in `filePathFields`), so the hosts can find every one of them and
 * confine it to the folders the creator chose before a handler sees it
 * (main/core/fs/confined-path.ts). The schema itself refuses what no real path needs:
 * relative paths, `..` segments and control characters (NUL included).
 */
import { z } from 'zod';

export const filePathFields = z.registry<{ kind: 'file-path' }>();

const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

/** An absolute path with no `..` segment and no control characters. */
export const filePath = (emptyMessage = 'Give a path') =>
  z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(4096)
    .refine((s) => !/\p{Cc}/u.test(s), 'A path must not contain control characters')
    .refine((s) => ABSOLUTE.test(s), 'Give a full path (starting with / or a drive letter)')
    .refine((s) => !s.split(/[\\/]/).includes('..'), 'A path must not contain ".." segments')
    .register(filePathFields, { kind: 'file-path' });

export const FilePath = filePath();

/**
 * The names of the top-level fields of an input schema that are file paths (through
 * optional, nullable and unions), so a host can confine them whatever the method.
 */
export function filePathKeys(schema: z.ZodType): string[] {
  const keys = new Set<string>();
  const visit = (s: z.ZodType): void => {
    const def = s._zod.def as {
      type: string;
      innerType?: z.ZodType;
      options?: z.ZodType[];
      shape?: Record<string, z.ZodType>;
      in?: z.ZodType;
    };
    if (def.type === 'optional' || def.type === 'nullable') return visit(def.innerType!);
    if (def.type === 'pipe') return visit(def.in!);
    if (def.type === 'union') return def.options!.forEach(visit);
    if (def.type !== 'object') return;
    for (const [key, field] of Object.entries(def.shape!)) if (isFilePath(field)) keys.add(key);
  };
  visit(schema);
  return [...keys];
}

/** Whether a field schema is a file path, looking through optional and nullable. */
export function isFilePath(schema: z.ZodType): boolean {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType };
  if (def.type === 'optional' || def.type === 'nullable') return isFilePath(def.innerType!);
  return filePathFields.has(schema);
}
