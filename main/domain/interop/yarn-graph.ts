import { DIALOGUE_LIMITS, type DialogueAction, type DialogueNode } from '../dialogue/dialogue-schema';
import { InteropError } from './interop-error';
import { literalOf, type YarnExpr } from './yarn-expression';
import type { Gate, Spoken, Statement } from './yarn-statements';
import type { YarnText } from './yarn-text';
import type { InferredType } from './yarn-types';

/** A node before it has its id and position. */
export type NewNode = DialogueNode extends infer N ? (N extends DialogueNode ? Omit<N, 'id' | 'position'> : never) : never;

/** What compiling a section needs from the import as a whole. */
export interface GraphContext {
  /** An id made unique from `base`, reserved for the node about to be added under it. */
  id(base: string): string;
  add(id: string, node: NewNode): string;
  expression(expr: YarnExpr, line: number): string;
  text(text: YarnText, line: number): string;
  /** Section and node-group ids, the targets `<<jump>>` and `<<detour>>` may name. */
  targets: ReadonlySet<string>;
  types: ReadonlyMap<string, InferredType>;
  /** The value a variable of the type starts with (an enum's first case). */
  defaultOf(type: InferredType): boolean | number | string;
}

const COMMAND_NAME = /^[A-Za-z_][\w.:-]{0,63}$/;

/** A static command word as a value: `true`/`false`, a number that reads back as written, else the word. */
function commandArg(word: string): boolean | number | string {
  if (word === 'true' || word === 'false') return word === 'true';
  return word.trim() && String(Number(word)) === word ? Number(word) : word;
}

function limited<T>(items: T[], limit: number, line: number, what: string): T[] {
  if (items.length > limit) throw new InteropError(`Line ${line}: more than ${limit} ${what} in one group is not supported`);
  return items;
}

/**
 * Compiles one Yarn node's statements into graph nodes after its section node `sectionId`:
 * each statement links to the one after it, option, item and branch bodies to what follows
 * their group, and the end of the body to a return node (which ends the conversation, or
 * returns from a detour, as the end of a Yarn node does). `<<stop>>` is an end node.
 */
export function compileSection(sectionId: string, statements: Statement[], ctx: GraphContext): string {
  let returnId: string | undefined;
  let stopId: string | undefined;
  const fallOff = () => (returnId ??= ctx.add(ctx.id(`${sectionId}.return`), { kind: 'return' }));
  let counter = 0;
  const nextId = () => ctx.id(`${sectionId}.${++counter}`);
  const add = (node: NewNode) => ctx.add(nextId(), node);
  const gate = ({ condition, once }: Gate, line: number) => ({
    ...(condition ? { condition: ctx.expression(condition, line) } : {}),
    ...(once ? { once: true } : {}),
  });
  const lineNode = (spoken: Spoken, extra: Gate, next: string): string => {
    const id = nextId();
    return ctx.add(id, {
      kind: 'line',
      speaker: spoken.speaker,
      text: ctx.text(spoken.text, spoken.line),
      lineId: (spoken.lineId ?? id).slice(0, 128),
      ...(spoken.emotion ? { emotion: spoken.emotion.slice(0, 64) } : {}),
      ...gate(extra, spoken.line),
      next,
    });
  };

  const setAction = (statement: Extract<Statement, { kind: 'set' }>): DialogueAction => {
    const { variable, operator, value, line } = statement;
    const type = ctx.types.get(variable);
    if (type === undefined) throw new InteropError(`Line ${line}: the type of $${variable} cannot be inferred; declare it with <<declare>>`);
    const literal = literalOf(value);
    const scalar = type === 'bool' || type === 'number' || type === 'string';
    if (literal !== undefined && scalar && (operator === '=' || ((operator === '+=' || operator === '-=') && typeof literal === 'number')))
      return { type: 'setVariable', variable, operator, value: literal };
    const base = { type: 'setVariable', variable, value: ctx.defaultOf(type) } as const;
    if (operator === '=' || operator === '+=' || operator === '-=') return { ...base, operator, expression: ctx.expression(value, line) };
    const arithmetic: YarnExpr = { type: 'binary', operator: operator[0] as '*' | '/' | '%', left: { type: 'variable', name: variable }, right: value };
    return { ...base, operator: '=', expression: ctx.expression(arithmetic, line) };
  };

  const action = (statement: Statement): DialogueAction | undefined => {
    switch (statement.kind) {
      case 'set':
        return setAction(statement);
      case 'call':
        return { type: 'call', expression: ctx.expression(statement.expression, statement.line) };
      case 'commandText':
        return { type: 'commandText', text: ctx.text(statement.text, statement.line) };
      case 'command': {
        const { name, args, line } = statement;
        if (COMMAND_NAME.test(name) && args.length <= DIALOGUE_LIMITS.maxCommandArgs && args.every((arg) => arg.length <= 1000))
          return { type: 'command', name, args: args.map(commandArg) };
        const quote = (word: string) => (/[\s"]/.test(word) || !word ? `"${word.replace(/"/g, '\\"')}"` : word);
        return { type: 'commandText', text: ctx.text([[name, ...args].map(quote).join(' ').replace(/[[\]\\{}]/g, '\\$&')], line) };
      }
      default:
        return undefined;
    }
  };

  const target = (statement: Extract<Statement, { kind: 'jump' | 'detour' }>) => {
    if (typeof statement.target !== 'string') return { expression: ctx.expression(statement.target, statement.line) };
    if (!ctx.targets.has(statement.target))
      throw new InteropError(`Line ${statement.line}: <<${statement.kind}>> names no node of this script: ${statement.target}`);
    return { nodeId: statement.target };
  };

  /** The first node of `statements`, each linked on to `next` (undefined: the end of the node's body). */
  const compile = (statements: Statement[], next: string | undefined): string | undefined => {
    let actions: DialogueAction[] | undefined;
    for (let s = statements.length - 1; s >= 0; s--) {
      const statement = statements[s];
      const made = action(statement);
      if (made) {
        if (actions && actions.length < DIALOGUE_LIMITS.maxActions) actions.unshift(made);
        else {
          actions = [made];
          next = add({ kind: 'action', actions, next: next ?? fallOff() });
        }
        continue;
      }
      actions = undefined;
      const continuation = next;
      const after = () => continuation ?? fallOff();
      switch (statement.kind) {
        case 'line':
          next = lineNode(statement.spoken, statement.gate, after());
          break;
        case 'options': {
          const after = continuation ?? fallOff();
          const at = statement.options[0].line;
          const options = limited(statement.options, DIALOGUE_LIMITS.maxOptions, at, 'options').map((option, o) => ({
            id: `o${o + 1}`,
            text: ctx.text(option.text, option.line),
            ...gate(option.gate, option.line),
            target: compile(option.body, after) ?? after,
          }));
          next = add({ kind: 'choice', options, else: after });
          break;
        }
        case 'lineGroup': {
          const after = continuation ?? fallOff();
          const at = statement.items[0].spoken.line;
          const candidates = limited(statement.items, DIALOGUE_LIMITS.maxOptions, at, 'line group items').map((item, c) => ({
            id: `c${c + 1}`,
            ...gate(item.gate, item.spoken.line),
            target: lineNode(item.spoken, {}, compile(item.body, after) ?? after),
          }));
          next = add({ kind: 'group', candidates, else: after });
          break;
        }
        case 'if': {
          const after = continuation ?? fallOff();
          const at = statement.branches[0].line;
          const otherwise = compile(statement.otherwise, after) ?? after;
          const branches = limited(statement.branches, DIALOGUE_LIMITS.maxBranches, at, 'branches').map((branch, b) => ({
            id: `b${b + 1}`,
            condition: ctx.expression(branch.condition, branch.line),
            ...(branch.once ? { once: true } : {}),
            target: compile(branch.body, after) ?? after,
          }));
          next = add({ kind: 'branch', branches, else: otherwise });
          break;
        }
        case 'jump':
          next = add({ kind: 'jump', ...target(statement) });
          break;
        case 'detour':
          next = add({ kind: 'detour', ...target(statement), next: after() });
          break;
        case 'return':
          next = fallOff();
          break;
        case 'stop':
          next = stopId ??= ctx.add(ctx.id(`${sectionId}.stop`), { kind: 'end' });
          break;
      }
    }
    return next;
  };

  return compile(statements, undefined) ?? fallOff();
}
