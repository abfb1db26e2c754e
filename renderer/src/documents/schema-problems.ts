import type { ErrorIssue } from '../../../main/domain/result';
import type { SaveProblem } from './document-session';

export type IssuePath = readonly PropertyKey[];

/** A path's segments joined as the server writes them: `stages.0.title`. */
export const pathName = (path: IssuePath): string => path.map(String).join('.');

/** The problems the server named in a refused save, each at the field (and node) its path points into, as `place` names them. */
export function issueProblems(issues: readonly ErrorIssue[], place: (path: IssuePath) => Omit<SaveProblem, 'message'>): SaveProblem[] {
  return issues.map((issue) => ({ ...place(issue.path), message: issue.message }));
}
