import { INTEROP_LIMITS, InteropError } from './interop-error';
import { parseYarnExpression, type YarnExpr } from './yarn-expression';
import { checkCalls } from './yarn-functions';
import { scanLine, type ScannedLine } from './yarn-line-scan';
import type { BodyLine } from './yarn-nodes';
import { speakerAndText, yarnCommandText, yarnText, type YarnText } from './yarn-text';

/** `<<if …>>`, `<<once>>` or `<<once if …>>` after a line, an option or a line-group item. */
export interface Gate {
  condition?: YarnExpr;
  once?: boolean;
}

export interface Spoken {
  speaker: string;
  text: YarnText;
  lineId?: string;
  emotion?: string;
  line: number;
}

export type SetOperator = '=' | '+=' | '-=' | '*=' | '/=' | '%=';

export type Statement =
  | { kind: 'line'; spoken: Spoken; gate: Gate }
  | { kind: 'options'; options: { text: YarnText; gate: Gate; body: Statement[]; line: number }[] }
  | { kind: 'lineGroup'; items: { spoken: Spoken; gate: Gate; body: Statement[] }[] }
  | { kind: 'if'; branches: { condition: YarnExpr; once: boolean; body: Statement[]; line: number }[]; otherwise: Statement[] }
  | { kind: 'set'; variable: string; operator: SetOperator; value: YarnExpr; line: number }
  | { kind: 'call'; expression: YarnExpr; line: number }
  | { kind: 'command'; name: string; args: string[]; line: number }
  | { kind: 'commandText'; text: YarnText; line: number }
  | { kind: 'jump' | 'detour'; target: string | YarnExpr; line: number }
  | { kind: 'return' | 'stop'; line: number };

/** `<<declare>>` and `<<enum>>`: they hold for the whole script wherever they are written. */
export interface Declarations {
  variables: { name: string; value: YarnExpr; type?: string; line: number }[];
  enums: { name: string; cases: { name: string; value?: number | string; line: number }[]; line: number }[];
}

const BLOCK_ENDS = new Set(['elseif', 'else', 'endif', 'endonce']);
const NAME = /^[A-Za-z_]\w*$/;

const expression = (source: string, line: number): YarnExpr => {
  const expr = parseYarnExpression(source, line);
  checkCalls(expr, line);
  return expr;
};

/** A `<<declare>>` value without its ` as Type` suffix, found by walking back from the end (no backtracking). */
function typeSuffix(text: string): { value: string; type?: string } {
  const value = text.trimEnd();
  let typeStart = value.length;
  while (typeStart > 0 && /\w/.test(value[typeStart - 1])) typeStart--;
  const head = value.slice(0, typeStart);
  const before = head.trimEnd();
  if (typeStart === value.length || head === before || !before.endsWith('as')) return { value };
  const rest = before.slice(0, -2);
  return rest.trimEnd() === rest ? { value } : { value: rest.trimEnd(), type: value.slice(typeStart) };
}

/** The gate a line's, option's or item's commands set, refusing anything else. */
function gateOf(commands: string[], line: number, what: string): Gate {
  if (commands.length > 1) throw new InteropError(`Line ${line}: ${what} has more than one <<…>> after its text`);
  if (!commands.length) return {};
  const [, once, condition] = /^(once\b)?\s*(?:if\b(.*))?$/s.exec(commands[0]) ?? [];
  if (once === undefined && condition === undefined)
    throw new InteropError(`Line ${line}: ${what} can end only with <<if …>>, <<once>> or <<once if …>>, not <<${commands[0].slice(0, 40)}>>`);
  if (condition !== undefined && !condition.trim()) throw new InteropError(`Line ${line}: ${what}'s <<if>> needs a condition`);
  return { ...(condition !== undefined ? { condition: expression(condition, line) } : {}), ...(once ? { once: true } : {}) };
}

function tagged(scanned: ScannedLine): { lineId?: string; emotion?: string } {
  const lineId = scanned.tags.find((tag) => tag.startsWith('line:'))?.slice(5);
  const emotion = scanned.tags.find((tag) => tag.startsWith('emotion:'))?.slice(8);
  return { ...(lineId ? { lineId } : {}), ...(emotion ? { emotion } : {}) };
}

function spoken(scanned: ScannedLine, line: number): Spoken {
  const { speaker, text } = speakerAndText(scanned.text, line);
  return { speaker, text: yarnText(text, line), ...tagged(scanned), line };
}

/** A whole-line command `<<name rest>>` (hashtags after it allowed), or undefined when the line is text. */
function commandOf(line: BodyLine): { name: string; rest: string; source: string } | undefined {
  if (!line.text.startsWith('<<')) return undefined;
  const scanned = scanLine(line.text, line.number);
  if (scanned.text || !scanned.commands.length) return undefined;
  if (scanned.commands.length > 1) throw new InteropError(`Line ${line.number}: one line holds more than one <<command>>`);
  const source = scanned.commands[0];
  const name = /^\w+/.exec(source)?.[0] ?? '';
  return { name, rest: source.slice(name.length).trim(), source };
}

/** `<<jump Node>>` / `<<jump {expr}>>`: a node title or a string expression. */
function target(rest: string, keyword: string, line: number): string | YarnExpr {
  if (rest.startsWith('{') && rest.endsWith('}')) return expression(rest.slice(1, -1), line);
  if (!/^[A-Za-z_][\w.]*$/.test(rest)) throw new InteropError(`Line ${line}: <<${keyword}>> needs a node name or a {expression}`);
  return rest;
}

/** Splits a command's static text at spaces, keeping double-quoted parts (quotes removed) together. */
function commandWords(source: string): string[] {
  return (source.match(/"(?:[^"\\]|\\.)*"|[^\s"]+/g) ?? []).map((word) => (word.startsWith('"') ? word.slice(1, -1).replace(/\\(.)/g, '$1') : word));
}

/**
 * Parses a node's body into statements. Options (`->`) and line-group items (`=>`) own the
 * lines indented under them; a group of them ends at a line that is not one of them at the
 * same indentation, or at a blank line. `<<if>>` and `<<once>>` blocks end at their closing
 * command whatever the indentation. `<<declare>>` and `<<enum>>` go to `declarations`.
 */
export function parseStatements(lines: BodyLine[], declarations: Declarations): Statement[] {
  let i = 0;
  const fail = (line: number, message: string): never => {
    throw new InteropError(`Line ${line}: ${message}`);
  };

  const block = (minIndent: number, depth: number): Statement[] => {
    if (depth > INTEROP_LIMITS.maxDepth) fail(lines[i]?.number ?? 0, 'options and if-blocks nest too deep');
    const out: Statement[] = [];
    /** After a jump, return or stop the rest of the block never runs: it is read (for its errors and declarations) but left out. */
    let reachable = true;
    const push = (statement: Statement | undefined) => {
      if (statement && reachable) out.push(statement);
      if (statement && (statement.kind === 'jump' || statement.kind === 'return' || statement.kind === 'stop')) reachable = false;
    };
    while (i < lines.length && lines[i].indent >= minIndent) {
      const line = lines[i];
      if (line.text.startsWith('->') || line.text.startsWith('=>')) {
        push(line.text.startsWith('->') ? options(line.indent, depth) : lineGroup(line.indent, depth));
        continue;
      }
      const command = commandOf(line);
      if (command && BLOCK_ENDS.has(command.name)) return out;
      i++;
      if (command) push(commandStatement(command, line, depth));
      else {
        const scanned = scanLine(line.text, line.number);
        push({ kind: 'line', spoken: spoken(scanned, line.number), gate: gateOf(scanned.commands, line.number, 'a line') });
      }
    }
    return out;
  };

  /** The items of one `->` or `=>` group at `indent`, each with the lines indented under it. */
  const items = <T>(arrow: string, indent: number, depth: number, read: (scanned: ScannedLine, line: BodyLine, body: Statement[]) => T): T[] => {
    const out: T[] = [];
    while (i < lines.length && lines[i].indent === indent && lines[i].text.startsWith(arrow) && (!out.length || !lines[i].afterBlank)) {
      const line = lines[i++];
      const scanned = scanLine(line.text.slice(2).trimStart(), line.number);
      const body = block(indent + 1, depth + 1);
      out.push(read(scanned, line, body));
    }
    return out;
  };

  const options = (indent: number, depth: number): Statement => ({
    kind: 'options',
    options: items('->', indent, depth, (scanned, line, body) => {
      const gate = gateOf(scanned.commands, line.number, 'an option');
      if (!scanned.text) fail(line.number, 'an option needs text after ->');
      return { text: yarnText(scanned.text, line.number), gate, body, line: line.number };
    }),
  });

  const lineGroup = (indent: number, depth: number): Statement => ({
    kind: 'lineGroup',
    items: items('=>', indent, depth, (scanned, line, body) => {
      const gate = gateOf(scanned.commands, line.number, 'a line group item');
      if (!scanned.text) fail(line.number, 'a line group item needs text after =>');
      return { spoken: spoken(scanned, line.number), gate, body };
    }),
  });

  /** `<<if>>`/`<<once>>` and the blocks up to its closing command. */
  const conditional = (name: 'if' | 'once', rest: string, line: BodyLine, depth: number): Statement => {
    const closing = name === 'if' ? 'endif' : 'endonce';
    const condition = name === 'if' ? rest : rest.replace(/^if\b/, '').trim();
    if (name === 'if' ? !condition : rest && !/^if\b/.test(rest))
      fail(line.number, name === 'if' ? '<<if>> needs a condition' : `<<once>> may be followed only by if, not ${rest.slice(0, 40)}`);
    if (name === 'once' && /^if\b/.test(rest) && !condition) fail(line.number, '<<once if>> needs a condition');
    const branches = [
      { condition: condition ? expression(condition, line.number) : ({ type: 'literal', value: true } as YarnExpr), once: name === 'once', body: block(0, depth + 1), line: line.number },
    ];
    let otherwise: Statement[] = [];
    for (let sawElse = false; ; ) {
      const next = i < lines.length ? commandOf(lines[i]) : undefined;
      if (!next || !BLOCK_ENDS.has(next.name)) return fail(line.number, `<<${name}>> has no <<${closing}>>`);
      const at = lines[i++].number;
      if (next.name === closing) break;
      if (next.name !== 'else' && next.name !== 'elseif') fail(at, `<<${next.name}>> inside <<${name}>>, which ends with <<${closing}>>`);
      if (sawElse) fail(at, `<<${next.name}>> after <<else>>`);
      if (next.name === 'elseif') {
        if (name === 'once') fail(at, '<<elseif>> inside <<once>> is not supported');
        if (!next.rest) fail(at, '<<elseif>> needs a condition');
        branches.push({ condition: expression(next.rest, at), once: false, body: block(0, depth + 1), line: at });
      } else {
        sawElse = true;
        otherwise = block(0, depth + 1);
      }
    }
    return { kind: 'if', branches, otherwise };
  };

  const enumBlock = (enumName: string, line: BodyLine) => {
    if (!NAME.test(enumName)) fail(line.number, '<<enum>> needs a name');
    const cases: Declarations['enums'][number]['cases'] = [];
    for (;;) {
      const next = i < lines.length ? commandOf(lines[i]) : undefined;
      if (!next || (next.name !== 'case' && next.name !== 'endenum')) return fail(line.number, `<<enum ${enumName}>> has no <<endenum>>`);
      const at = lines[i++].number;
      if (next.name === 'endenum') break;
      const [, caseName, raw] = /^([A-Za-z_]\w*)\s*(?:=\s*(.+))?$/s.exec(next.rest) ?? [];
      if (!caseName) fail(at, '<<case>> needs a name, and optionally = a number or "string"');
      const value = raw === undefined ? undefined : parseYarnExpression(raw, at);
      const literal = value?.type === 'literal' && typeof value.value !== 'boolean' ? value.value : undefined;
      if (value && literal === undefined) fail(at, 'an enum case value must be a number or a "string"');
      cases.push({ name: caseName, ...(literal !== undefined ? { value: literal } : {}), line: at });
    }
    if (!cases.length) fail(line.number, `<<enum ${enumName}>> needs at least one <<case>>`);
    declarations.enums.push({ name: enumName, cases, line: line.number });
  };

  const commandStatement = (command: { name: string; rest: string; source: string }, line: BodyLine, depth: number): Statement | undefined => {
    const { name, rest, source } = command;
    const at = line.number;
    switch (name) {
      case 'if':
      case 'once':
        return conditional(name, rest, line, depth);
      case 'set': {
        const m = /^\$([A-Za-z_]\w*)\s*(to\b|=|\+=|-=|\*=|\/=|%=)(.*)$/s.exec(rest);
        if (!m || !m[3].trim()) return fail(at, '<<set>> needs $variable to value (or = += -= *= /= %=)');
        return { kind: 'set', variable: m[1], operator: m[2] === 'to' ? '=' : (m[2] as SetOperator), value: expression(m[3], at), line: at };
      }
      case 'declare': {
        const m = /^\$([A-Za-z_]\w*)\s*(?:=|to\b)(.*)$/s.exec(rest);
        if (!m || !m[2].trim()) return fail(at, '<<declare>> needs $variable = value');
        const { value, type } = typeSuffix(m[2]);
        declarations.variables.push({ name: m[1], value: expression(value, at), ...(type ? { type } : {}), line: at });
        return undefined;
      }
      case 'enum':
        enumBlock(rest, line);
        return undefined;
      case 'case':
      case 'endenum':
        return fail(at, `<<${name}>> outside <<enum>>`);
      case 'call': {
        const call = expression(rest, at);
        if (call.type !== 'call') fail(at, '<<call>> needs a function call, such as <<call assert($gold > 0)>>');
        return { kind: 'call', expression: call, line: at };
      }
      case 'jump':
      case 'detour':
        return { kind: name, target: target(rest, name, at), line: at };
      case 'return':
      case 'stop':
        if (rest) fail(at, `<<${name}>> takes nothing after it`);
        return { kind: name, line: at };
      default:
        if (!source) fail(at, 'a <<>> command is empty');
        if (source.includes('{')) return { kind: 'commandText', text: yarnCommandText(source, at), line: at };
        {
          const words = commandWords(source);
          return { kind: 'command', name: words[0], args: words.slice(1), line: at };
        }
    }
  };

  const statements = block(0, 0);
  if (i < lines.length) {
    const stray = commandOf(lines[i]);
    fail(lines[i].number, stray ? `<<${stray.name}>> without <<if>>` : `unexpected ${lines[i].text.slice(0, 40)}`);
  }
  return statements;
}
