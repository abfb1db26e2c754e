import type { ZodType } from 'zod';
import type { SaveProblem } from './document-session';

export type IssuePath = readonly PropertyKey[];

/** A path's segments joined as the server writes them: `stages.0.title`. */
export const pathName = (path: IssuePath): string => path.map(String).join('.');

/**
 * The problems a refused input has under the schema the server parsed it with (the shared
 * domain or contract schema), each with the field (and node) its path points into, as
 * `place` names them. An input the schema accepts, refused for another reason, names nothing.
 */
export function schemaProblems(schema: ZodType, input: unknown, place: (path: IssuePath) => Omit<SaveProblem, 'message'>): SaveProblem[] {
  const parsed = schema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ ...place(issue.path), message: issue.message }));
}
