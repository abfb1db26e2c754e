import { DIALOGUE_LIMITS, DIALOGUE_SCHEMA_VERSION, type Dialogue, type DialogueNode } from '../dialogue/dialogue-schema';
import { EXPRESSION_LIMITS } from '../dialogue/expression/limits';
import { INTEROP_LIMITS, InteropError } from './interop-error';
import { resolveDeclarations } from './yarn-declarations';
import { parseYarnExpression, type YarnExpr } from './yarn-expression';
import { yarnExpressionText } from './yarn-expression-text';
import { checkCalls } from './yarn-functions';
import { compileSection, type GraphContext, type NewNode } from './yarn-graph';
import { yarnNodeSources, type YarnNodeSource } from './yarn-nodes';
import { parseStatements, type Declarations, type Gate, type Statement } from './yarn-statements';
import type { YarnText } from './yarn-text';
import type { AssignmentUse, ExpressionUse } from './yarn-types';

/** A Yarn node's title with its nodes: one, or the members of a node group (`when:` headers). */
interface Titled {
  title: string;
  members: { source: YarnNodeSource; statements: Statement[]; when?: Gate }[];
}

/** A node's `when:` headers as one gate: `always`, `once`, `once if <expr>`, or `<expr>`; several are all required. */
function whenGate(source: YarnNodeSource): Gate | undefined {
  const values = source.headers.get('when');
  if (!values) return undefined;
  const gate: Gate = {};
  for (const value of values) {
    if (!value) throw new InteropError(`Line ${source.number}: the when: header of "${source.title}" is empty`);
    if (value === 'always') continue;
    const [, once, condition] = /^(once\b)?\s*(?:if\b(.*))?$/s.exec(value) ?? [];
    const expression = once ? condition : value;
    if (once) gate.once = true;
    if (expression === undefined) continue;
    if (!expression.trim()) throw new InteropError(`Line ${source.number}: when: once if needs a condition`);
    const parsed = parseYarnExpression(expression, source.number);
    checkCalls(parsed, source.number);
    gate.condition = gate.condition ? { type: 'binary', operator: 'and', left: gate.condition, right: parsed } : parsed;
  }
  return gate;
}

/** Nodes by title, refusing titles used twice unless every node with the title has a `when:` header. */
function titled(sources: YarnNodeSource[], declarations: Declarations): Titled[] {
  const byTitle = new Map<string, Titled>();
  for (const source of sources) {
    const entry = byTitle.get(source.title) ?? { title: source.title, members: [] };
    byTitle.set(source.title, entry);
    entry.members.push({ source, statements: parseStatements(source.lines, declarations), when: whenGate(source) });
  }
  for (const { title, members } of byTitle.values()) {
    if (members.length < 2 || members.every((m) => m.when)) continue;
    const plain = members.filter((m) => !m.when);
    const other = members.find((m) => m !== plain[0])!;
    throw new InteropError(
      plain.length === members.length
        ? `Line ${members[1].source.number}: more than one node is named "${title}" (line ${members[0].source.number})`
        : `Line ${plain[0].source.number}: the node "${title}" needs a when: header, as the node at line ${other.source.number} makes "${title}" a node group`,
    );
  }
  return [...byTitle.values()];
}

/** Every expression the script uses, with the type its place needs, and every `<<set>>`. */
function collectUses(all: Titled[]): { uses: ExpressionUse[]; assignments: AssignmentUse[] } {
  const uses: ExpressionUse[] = [];
  const assignments: AssignmentUse[] = [];
  const condition = (gate: Gate, line: number) => gate.condition && uses.push({ expr: gate.condition, expected: 'bool', line });
  const text = (parts: YarnText, line: number) => {
    for (const part of parts) if (typeof part !== 'string') uses.push({ expr: part, line });
  };
  const walk = (statements: Statement[]) => {
    for (const statement of statements) {
      switch (statement.kind) {
        case 'line':
          condition(statement.gate, statement.spoken.line);
          text(statement.spoken.text, statement.spoken.line);
          break;
        case 'options':
          for (const option of statement.options) {
            condition(option.gate, option.line);
            text(option.text, option.line);
            walk(option.body);
          }
          break;
        case 'lineGroup':
          for (const item of statement.items) {
            condition(item.gate, item.spoken.line);
            text(item.spoken.text, item.spoken.line);
            walk(item.body);
          }
          break;
        case 'if':
          for (const branch of statement.branches) {
            uses.push({ expr: branch.condition, expected: 'bool', line: branch.line });
            walk(branch.body);
          }
          walk(statement.otherwise);
          break;
        case 'set':
          assignments.push({ variable: statement.variable, value: statement.value, operator: statement.operator, line: statement.line });
          break;
        case 'call':
          uses.push({ expr: statement.expression, line: statement.line });
          break;
        case 'commandText':
          text(statement.text, statement.line);
          break;
        case 'jump':
        case 'detour':
          if (typeof statement.target !== 'string') uses.push({ expr: statement.target, expected: 'string', line: statement.line });
          break;
        default:
          break;
      }
    }
  };
  for (const { members } of all)
    for (const member of members) {
      if (member.when) condition(member.when, member.source.number);
      walk(member.statements);
    }
  return { uses, assignments };
}

/**
 * Imports a Yarn Spinner 3 script as one dialogue. Each Yarn node becomes a section node
 * (its id the title) followed by its body; a title shared by nodes with `when:` headers (a
 * node group) becomes a group node whose candidates are the member sections, each titled by
 * its id (`title.subtitle`, or `title.1`, `title.2`… in file order). Lines, options (with fallthrough), line groups,
 * `<<if>>`/`<<once>>` blocks and line conditions, `<<set>>`, `<<call>>`, `<<jump>>`,
 * `<<detour>>`, `<<return>>`, `<<stop>>` and commands map onto the graph; inline
 * expressions, markup and format functions stay in the text as templates; `<<declare>>`,
 * `<<enum>>` and the variables the script infers become the dialogue's declarations.
 * Anything the studio's language cannot express is refused naming the line and the feature.
 */
export function importYarn(source: string, identity: { id: string; name: string }): Dialogue {
  const declarations: Declarations = { variables: [], enums: [] };
  const all = titled(yarnNodeSources(source), declarations);
  const { uses, assignments } = collectUses(all);

  let enumOfCase: (name: string) => string | undefined = () => undefined;
  const expression = (expr: YarnExpr, line: number) => {
    const text = yarnExpressionText(expr, enumOfCase);
    if (text.length > EXPRESSION_LIMITS.maxLength) throw new InteropError(`Line ${line}: an expression is longer than ${EXPRESSION_LIMITS.maxLength} characters`);
    return text;
  };
  const resolved = resolveDeclarations(declarations, uses, assignments, expression);
  enumOfCase = resolved.enumOfCase;

  const nodes: Record<string, DialogueNode> = {};
  const taken = new Set<string>();
  const order: string[] = [];
  const reserve = (base: string) => {
    let id = base.slice(0, 120);
    for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 110)}~${n}`;
    taken.add(id);
    return id;
  };
  let column = 0;
  const ctx: GraphContext = {
    id: reserve,
    add: (id: string, node: NewNode) => {
      if (order.length >= INTEROP_LIMITS.maxNodes) throw new InteropError(`The script makes more than ${INTEROP_LIMITS.maxNodes} dialogue nodes`);
      order.push(id);
      nodes[id] = { ...node, id, position: { x: column * 320, y: 0 } } as DialogueNode;
      return id;
    },
    expression,
    text: (parts, line) => {
      const text = parts.map((part) => (typeof part === 'string' ? part : `{${expression(part, line)}}`)).join('');
      if (text.length > DIALOGUE_LIMITS.maxTextLength) throw new InteropError(`Line ${line}: the text is longer than ${DIALOGUE_LIMITS.maxTextLength} characters`);
      return text;
    },
    targets: new Set(all.map((t) => t.title)),
    types: resolved.types,
    defaultOf: resolved.defaultOf,
  };

  for (const { title } of all) reserve(title);
  const memberIds = all.map(({ title, members }) =>
    members.length > 1 || members[0].when ? members.map((m, k) => reserve(`${title}.${m.source.headers.get('subtitle')?.[0] || k + 1}`)) : [title],
  );
  all.forEach(({ title, members }, t) => {
    const sections = members.map((member, k) => {
      column++;
      const id = memberIds[t][k];
      const first = order.length;
      const next = compileSection(id, member.statements, ctx);
      ctx.add(id, { kind: 'section', title: id, next });
      const placed = order.slice(first).reverse();
      placed.forEach((nodeId, row) => (nodes[nodeId].position = { x: column * 320, y: row * 120 }));
      return id;
    });
    if (memberIds[t][0] === title) return;
    const none = ctx.add(reserve(`${title}.none`), { kind: 'return' });
    const candidates = members.map((member, k) => ({
      id: `m${k + 1}`,
      ...(member.when?.condition ? { condition: expression(member.when.condition, member.source.number) } : {}),
      ...(member.when?.once ? { once: true } : {}),
      target: sections[k],
    }));
    if (candidates.length > DIALOGUE_LIMITS.maxOptions)
      throw new InteropError(`Line ${members[0].source.number}: a node group of more than ${DIALOGUE_LIMITS.maxOptions} nodes is not supported`);
    ctx.add(title, { kind: 'group', candidates, else: none });
  });

  const start = all.find((t) => t.title === 'Start') ?? all[0];
  return {
    schemaVersion: DIALOGUE_SCHEMA_VERSION,
    id: identity.id,
    name: identity.name,
    ...(resolved.enums.length ? { enums: resolved.enums } : {}),
    variables: resolved.variables,
    startNodeId: start.title,
    nodes,
  };
}
