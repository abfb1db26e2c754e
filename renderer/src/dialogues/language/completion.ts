import type { EnumDeclaration, ExprType, VariableDeclaration } from '../../../../main/domain/dialogue';

/** Where completions apply: a whole expression, or text whose expressions sit between `{` and `}`. */
export type CompletionMode = 'expression' | 'template';

export interface Completion {
  /** What replaces the word being typed. */
  insert: string;
  label: string;
  /** The type or enum, shown beside the label. */
  detail: string;
}

export interface CompletionList {
  /** The range of the text the chosen completion replaces. */
  from: number;
  to: number;
  items: Completion[];
}

export interface CompletionScope {
  variables: readonly VariableDeclaration[];
  enums: readonly EnumDeclaration[];
  /** The types smart variables compute, where known. */
  smartTypes?: ReadonlyMap<string, ExprType>;
}

/** How a declaration's type reads in the list: bool, number, string, the enum's name, or "smart" with the type it computes. */
function variableTypeLabel(variable: VariableDeclaration, smartTypes: ReadonlyMap<string, ExprType> | undefined): string {
  if (variable.type === 'enum') return variable.enum;
  if (variable.type !== 'smart') return variable.type;
  const type = smartTypes?.get(variable.name);
  return type ? `smart ${type.replace(/^enum:/, '')}` : 'smart';
}

/** Whether `caret` is inside an unclosed `{` of a template (escaped braces `\{` do not count). */
function insideInterpolation(text: string, caret: number): boolean {
  let open = false;
  for (let i = 0; i < caret; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') open = true;
    else if (c === '}') open = false;
  }
  return open;
}

/** A case's value as written after its name, so the list tells `Apple = 1` from `Apple`. */
const caseDetail = (enumName: string, value: string | number | undefined) =>
  value === undefined ? enumName : `${enumName} = ${JSON.stringify(value)}`;

/**
 * What may be typed at `caret`: declared variables after `$` (with their types), the cases
 * of an enum after `Enum.`, and every enum's cases after a lone `.` (the short form). In a
 * template only inside `{…}`. Null when nothing applies, so the list stays closed.
 */
export function completionsAt(text: string, caret: number, scope: CompletionScope, mode: CompletionMode): CompletionList | null {
  if (mode === 'template' && !insideInterpolation(text, caret)) return null;
  const before = text.slice(0, caret);
  const variable = /\$([A-Za-z0-9_]*)$/.exec(before);
  if (variable) {
    const prefix = variable[1].toLowerCase();
    const items = scope.variables
      .filter((v) => v.name.toLowerCase().startsWith(prefix))
      .map((v) => ({ insert: `$${v.name}`, label: `$${v.name}`, detail: variableTypeLabel(v, scope.smartTypes) }));
    return items.length ? { from: caret - variable[0].length, to: caret, items } : null;
  }
  const member = /(?:^|[^A-Za-z0-9_$.])([A-Za-z_][A-Za-z0-9_]*)?\.([A-Za-z0-9_]*)$/.exec(before);
  if (member) {
    const [, enumName, casePrefix] = member;
    const prefix = casePrefix.toLowerCase();
    const enums = enumName === undefined ? scope.enums : scope.enums.filter((e) => e.name === enumName);
    const items = enums.flatMap((e) =>
      e.cases
        .filter((c) => c.name.toLowerCase().startsWith(prefix))
        .map((c) => ({
          insert: enumName === undefined ? `.${c.name}` : `${e.name}.${c.name}`,
          label: `${e.name}.${c.name}`,
          detail: caseDetail(e.name, c.value),
        })),
    );
    const length = (enumName?.length ?? 0) + 1 + casePrefix.length;
    return items.length ? { from: caret - length, to: caret, items } : null;
  }
  return null;
}

/** The text with a completion applied, and where the caret goes after it. */
export function applyCompletion(text: string, list: CompletionList, item: Completion): { text: string; caret: number } {
  return { text: text.slice(0, list.from) + item.insert + text.slice(list.to), caret: list.from + item.insert.length };
}
