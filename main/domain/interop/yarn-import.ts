import {
  DIALOGUE_LIMITS,
  DIALOGUE_SCHEMA_VERSION,
  type Dialogue,
  type DialogueAction,
  type DialogueNode,
  type VariableDeclaration,
} from '../dialogue/dialogue-schema';
import { INTEROP_LIMITS, InteropError } from './interop-error';
import { sourceLines } from './source-lines';

interface SourceLine {
  indent: number;
  text: string;
  number: number;
}

type Statement =
  | { kind: 'line'; speaker: string; text: string; lineId?: string; emotion?: string; at: number }
  | { kind: 'options'; options: { text: string; condition?: string; body: Statement[] }[] }
  | { kind: 'if'; branches: { condition: string; body: Statement[] }[]; otherwise: Statement[] }
  | { kind: 'action'; action: DialogueAction }
  | { kind: 'jump'; title: string }
  | { kind: 'stop' };

const at = { x: 0, y: 0 };

/** Yarn's spellings of operators, in Loreweaver's condition language; string literals are left as they are. */
export function yarnCondition(source: string): string {
  const operators = (code: string) =>
    code
      .replace(/\b(is|eq)\b/g, '==')
      .replace(/\bneq\b/g, '!=')
      .replace(/\bgte\b/g, '>=')
      .replace(/\blte\b/g, '<=')
      .replace(/\bgt\b/g, '>')
      .replace(/\blt\b/g, '<')
      .replace(/&&/g, ' and ')
      .replace(/\|\|/g, ' or ')
      .replace(/!(?!=)/g, ' not ')
      .replace(/\s+/g, ' ');
  let out = '';
  let at = 0;
  for (const literal of source.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    out += operators(source.slice(at, literal.index)) + literal[0];
    at = literal.index + literal[0].length;
  }
  return (out + operators(source.slice(at))).trim();
}

const literalValue = (text: string): boolean | number | string | undefined => {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(t);
  return quoted ? quoted[1].replace(/\\(.)/g, '$1') : undefined;
};

/** Removes a trailing `// comment` outside strings. */
function stripComment(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"' && text[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && text[i] === '/' && text[i + 1] === '/' && text[i - 1] !== ':') return text.slice(0, i).trimEnd();
  }
  return text;
}

/**
 * The `<<…>>` commands of a line and the text around them, in one pass: a quoted string
 * inside a command may hold `>>`, and an escaped `\<` outside one is text.
 */
function lineCommands(line: string): { text: string; commands: string[] } {
  let text = '';
  const commands: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === '\\') {
      text += line.slice(i, i + 2);
      i += 2;
    } else if (line.startsWith('<<', i)) {
      let end = i + 2;
      for (let quoted = false; end < line.length && (quoted || !line.startsWith('>>', end)); end++) {
        if (quoted && line[end] === '\\') end++;
        else if (line[end] === '"') quoted = !quoted;
      }
      if (end >= line.length) return { text: text + line.slice(i), commands };
      commands.push(line.slice(i + 2, end).trim());
      i = end + 2;
    } else text += line[i++];
  }
  return { text, commands };
}

/** Yarn's escapes in text (`\#`, `\<`, `\[`, `\/`, a leading `\=` …) read back. */
const unescapeText = (text: string) => text.replace(/\\([#{}<>[\]/=:"\\-])/g, '$1');

/** A line's `Speaker:` (the text before its first unescaped colon, when that holds no markup) and the rest. */
function speakerAndText(raw: string): { speaker: string; text: string } {
  let colon = 0;
  while (colon < raw.length && raw[colon] !== ':') colon += raw[colon] === '\\' ? 2 : 1;
  const name = raw.slice(0, colon);
  if (colon < 1 || colon >= raw.length || colon > 400 || /["<>{}[\]#]/.test(name.replace(/\\./g, ''))) return { speaker: '', text: raw };
  return { speaker: unescapeText(name).trim(), text: raw.slice(colon + 1) };
}

/** A whole-line command `<<name rest>>`, read without backtracking. */
function commandParts(text: string): { name: string; rest: string } | undefined {
  if (text.length < 4 || !text.startsWith('<<') || !text.endsWith('>>')) return undefined;
  const inner = text.slice(2, -2).trim();
  const name = /^\w+/.exec(inner)?.[0];
  return name === undefined ? undefined : { name, rest: inner.slice(name.length).trim() };
}

/** A `<<declare>>` value without its ` as Type` suffix, found by walking back from the end. */
function withoutTypeSuffix(text: string): string {
  const value = text.trimEnd();
  let typeStart = value.length;
  while (typeStart > 0 && /\w/.test(value[typeStart - 1])) typeStart--;
  const head = value.slice(0, typeStart);
  if (typeStart === value.length || head.trimEnd() === head || !head.trimEnd().endsWith('as')) return value;
  const before = head.trimEnd().slice(0, -2);
  return before.trimEnd() === before ? value : before.trimEnd();
}

/** A `<<set>>` as an action: literals and `$x to $x + n` map to setVariable, anything else becomes a command. */
function setAction(body: string): DialogueAction {
  const m = /^\$(\w+)\s*(to|=|\+=|-=)\s*(.+)$/.exec(body.trim());
  if (m) {
    const [, variable, op, rest] = m;
    const value = literalValue(rest);
    if (value !== undefined) return { type: 'setVariable', variable, operator: op === 'to' ? '=' : (op as '=' | '+=' | '-='), value };
    const relative = new RegExp(`^\\$${variable}\\s*([+-])\\s*(-?\\d+(?:\\.\\d+)?)$`).exec(rest.trim());
    if (relative && op !== '+=' && op !== '-=')
      return { type: 'setVariable', variable, operator: relative[1] === '+' ? '+=' : '-=', value: Number(relative[2]) };
  }
  return { type: 'command', name: 'set', args: [body.trim().slice(0, 1000)] };
}

function commandAction(body: string): DialogueAction {
  const parts = body.trim().match(/"[^"]*"|\S+/g) ?? [];
  const name = (parts[0] ?? 'command').replace(/[^\w.:-]/g, '_').slice(0, 64);
  return {
    type: 'command',
    name: /^[A-Za-z_]/.test(name) ? name : `_${name}`.slice(0, 64),
    args: parts.slice(1, 1 + DIALOGUE_LIMITS.maxCommandArgs).map((p) => literalValue(p) ?? p.slice(0, 1000)),
  };
}

/** Parses one node body into statements, by indentation, as Yarn nests options and if-blocks. */
function parseBody(lines: SourceLine[], variables: VariableDeclaration[]): Statement[] {
  let i = 0;
  const block = (minIndent: number, depth: number): Statement[] => {
    if (depth > INTEROP_LIMITS.maxDepth) throw new InteropError(`Line ${lines[i]?.number}: options and if-blocks nest too deep`);
    const out: Statement[] = [];
    while (i < lines.length && lines[i].indent >= minIndent) {
      const line = lines[i];
      const command = commandParts(line.text);
      if (line.text.startsWith('->')) {
        const indent = line.indent;
        const options: { text: string; condition?: string; body: Statement[] }[] = [];
        while (i < lines.length && lines[i].indent === indent && lines[i].text.startsWith('->')) {
          const parts = lineCommands(lines[i].text.slice(2).trim());
          const cond = parts.commands
            .find((command) => /^if(\s|$)/.test(command))
            ?.slice(2)
            .trim();
          if (cond === '') throw new InteropError(`Line ${lines[i].number}: an option's <<if>> needs a condition`);
          const text = cleanText(parts.text);
          i++;
          options.push({ text: text.text, ...(cond ? { condition: yarnCondition(cond) } : {}), body: block(indent + 1, depth + 1) });
        }
        out.push({ kind: 'options', options });
        continue;
      }
      i++;
      if (command) {
        const { name, rest } = command;
        if (name === 'if' || name === 'once') {
          // Blocks end at their keyword, not by indentation. `<<once>>` is read as its condition (or true): visit-once tracking is not carried over.
          const condition = name === 'if' ? rest : rest.replace(/^if\s+/, '') || 'true';
          const closing = name === 'if' ? 'endif' : 'endonce';
          const branches = [{ condition: yarnCondition(condition), body: block(0, depth + 1) }];
          let otherwise: Statement[] = [];
          for (;;) {
            const next = i < lines.length ? commandParts(lines[i].text) : undefined;
            if (!next || !['elseif', 'else', 'endif', 'endonce'].includes(next.name))
              throw new InteropError(`Line ${line.number}: <<${name}>> has no <<${closing}>>`);
            i++;
            if (next.name === closing) break;
            if (next.name === 'elseif') branches.push({ condition: yarnCondition(next.rest), body: block(0, depth + 1) });
            else otherwise = block(0, depth + 1);
          }
          out.push({ kind: 'if', branches, otherwise });
        } else if (name === 'elseif' || name === 'else' || name === 'endif' || name === 'endonce') {
          i--;
          return out;
        } else if (name === 'jump') out.push({ kind: 'jump', title: rest.trim() });
        else if (name === 'stop') out.push({ kind: 'stop' });
        else if (name === 'set') out.push({ kind: 'action', action: setAction(rest) });
        else if (name === 'declare') {
          const m = /^\$(\w+)\s*(?:=|to)\s*(.+)$/.exec(rest);
          const value = m ? literalValue(withoutTypeSuffix(m[2])) : undefined;
          if (m && value !== undefined && !variables.some((v) => v.name === m[1])) {
            variables.push({
              name: m[1],
              ...(typeof value === 'boolean'
                ? { type: 'bool', default: value }
                : typeof value === 'number'
                  ? { type: 'number', default: value }
                  : { type: 'string', default: value }),
            } as VariableDeclaration);
          }
        } else out.push({ kind: 'action', action: commandAction(`${name} ${rest}`) });
        continue;
      }
      const { speaker, text } = speakerAndText(line.text);
      const cleaned = cleanText(text);
      out.push({
        kind: 'line',
        speaker,
        text: cleaned.text,
        lineId: cleaned.lineId,
        emotion: cleaned.emotion,
        at: line.number,
      });
    }
    return out;
  };
  const statements = block(0, 0);
  if (i < lines.length) throw new InteropError(`Line ${lines[i].number}: unexpected ${lines[i].text.slice(0, 40)}`);
  return statements;
}

/** Text without hashtags; `#line:` and `#emotion:` tags are kept as fields. */
function cleanText(raw: string): { text: string; lineId?: string; emotion?: string } {
  let lineId: string | undefined;
  let emotion: string | undefined;
  const text = raw
    .replace(/(^|\s)#([^\s#]+)/g, (_match: string, _space: string, tag: string) => {
      if (tag.startsWith('line:')) lineId = tag.slice(5);
      else if (tag.startsWith('emotion:')) emotion = tag.slice(8);
      return '';
    })
    .trim();
  return { text: unescapeText(text), lineId, emotion };
}

/**
 * Imports a Yarn Spinner script as one dialogue. Each Yarn node's lines, options, if-blocks,
 * `<<set>>`, `<<declare>>`, `<<jump>>` and `<<stop>>` become graph nodes; other commands
 * become command actions for the game. Inline expressions and markup are kept as text.
 */
export function importYarn(source: string, identity: { id: string; name: string }): Dialogue {
  const raw = sourceLines(source, 'Yarn');
  const yarnNodes: { title: string; lines: SourceLine[]; number: number }[] = [];
  let headers: Record<string, string> = {};
  let body: SourceLine[] | undefined;
  let headerLine = 1;
  raw.forEach((text, index) => {
    const number = index + 1;
    if (body === undefined) {
      if (text.trim() === '---') {
        if (!headers.title) throw new InteropError(`Line ${number}: a Yarn node needs a title: header before ---`);
        body = [];
        headerLine = number;
      } else {
        const header = /^\s*([\w.-]+)\s*:\s*(.*)$/.exec(text);
        if (header) headers[header[1]] = header[2].trim();
      }
      return;
    }
    if (text.trim() === '===') {
      if (yarnNodes.some((n) => n.title === headers.title))
        throw new InteropError(`Line ${headerLine}: two Yarn nodes are titled "${headers.title}" (node groups are not supported)`);
      yarnNodes.push({ title: headers.title, lines: body, number: headerLine });
      headers = {};
      body = undefined;
      return;
    }
    const stripped = stripComment(text.replace(/\t/g, '    '));
    if (!stripped.trim() || stripped.trim().startsWith('//')) return;
    body.push({ indent: stripped.length - stripped.trimStart().length, text: stripped.trim(), number });
  });
  if (body !== undefined) throw new InteropError(`Line ${headerLine}: the Yarn node "${headers.title}" has no closing ===`);
  if (!yarnNodes.length) throw new InteropError('The file has no Yarn nodes (title:, ---, ===)');

  const variables: VariableDeclaration[] = [];
  const nodes: Record<string, DialogueNode> = {};
  let nodeCount = 0;
  const add = (node: DialogueNode) => {
    if (++nodeCount > INTEROP_LIMITS.maxNodes)
      throw new InteropError(`The script makes more than ${INTEROP_LIMITS.maxNodes} dialogue nodes`);
    nodes[node.id] = node;
    return node.id;
  };
  const startOf = new Map(yarnNodes.map((n) => [n.title, `${n.title}`]));
  for (const yarnNode of yarnNodes) {
    let counter = 0;
    const id = () => `${yarnNode.title}.${++counter}`;
    const endId = add({ id: `${yarnNode.title}.end`, position: at, kind: 'end' });
    /** Compiles statements back to front, each linking to what follows it. */
    const compile = (statements: Statement[], next: string): string => {
      for (let s = statements.length - 1; s >= 0; s--) {
        const statement = statements[s];
        switch (statement.kind) {
          case 'line': {
            const nodeId = id();
            next = add({
              id: nodeId,
              position: at,
              kind: 'line',
              speaker: statement.speaker.slice(0, 200),
              text: statement.text.slice(0, DIALOGUE_LIMITS.maxTextLength),
              lineId: (statement.lineId ?? nodeId).slice(0, 128),
              ...(statement.emotion ? { emotion: statement.emotion.slice(0, 64) } : {}),
              next,
            });
            break;
          }
          case 'options': {
            const after = next;
            const options = statement.options.slice(0, DIALOGUE_LIMITS.maxOptions).map((option, o) => ({
              id: `o${o + 1}`,
              text: option.text.slice(0, DIALOGUE_LIMITS.maxTextLength),
              ...(option.condition ? { condition: option.condition.slice(0, 2000) } : {}),
              target: compile(option.body, after),
            }));
            next = add({ id: id(), position: at, kind: 'choice', options });
            break;
          }
          case 'if': {
            const after = next;
            const otherwise = compile(statement.otherwise, after);
            const branches = statement.branches
              .slice(0, DIALOGUE_LIMITS.maxBranches)
              .map((branch, b) => ({ id: `b${b + 1}`, condition: branch.condition.slice(0, 2000), target: compile(branch.body, after) }));
            next = add({ id: id(), position: at, kind: 'branch', branches, else: otherwise });
            break;
          }
          case 'action':
            next = add({ id: id(), position: at, kind: 'action', actions: [statement.action], next });
            break;
          case 'jump': {
            const target = /^\w[\w.-]*$/.test(statement.title) ? startOf.get(statement.title) : undefined;
            next = target
              ? add({ id: id(), position: at, kind: 'jump', nodeId: target })
              : add({ id: id(), position: at, kind: 'action', actions: [commandAction(`jump ${statement.title}`)], next: endId });
            break;
          }
          case 'stop':
            next = endId;
            break;
        }
      }
      return next;
    };
    const first = compile(parseBody(yarnNode.lines, variables), endId);
    add({ id: yarnNode.title, position: at, kind: 'jump', nodeId: first });
  }
  const start = yarnNodes.find((n) => n.title === 'Start') ?? yarnNodes[0];
  return {
    schemaVersion: DIALOGUE_SCHEMA_VERSION,
    id: identity.id,
    name: identity.name,
    variables: variables.slice(0, DIALOGUE_LIMITS.maxVariables),
    startNodeId: start.title,
    nodes,
  };
}
