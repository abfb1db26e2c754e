import { compareCodePoints } from '../pack/canonical-json';
import type { PackAction, PackDialogue, PackExpr, PackNode } from '../pack/pack-schema';
import type { PackTextPart } from '../pack/pack-text';
import { DIALOGUE_LIMITS, DIALOGUE_SCHEMA_VERSION, type Dialogue, type DialogueNode } from '../dialogue/dialogue-schema';
import { plainText } from '../dialogue/text/plain-text';
import { escapeText } from '../dialogue/text/template-escapes';
import { expressionText } from './expression-text';
import { INTEROP_LIMITS, InteropError } from './interop-error';
import { decodeEntities, escapeProse } from './html-entities';
import { replaceSpans, scanMarkup, type MarkupKind } from './markup-scan';
import { uniqueNames } from './node-names';
import { sourceLines } from './source-lines';

/** A deterministic IFID (a UUID, as Twine wants one per story) from the dialogue id: FNV-1a over four seeds. */
function ifid(text: string): string {
  const hex = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]
    .map((seed) => {
      let hash = seed;
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
      return (hash >>> 0).toString(16).padStart(8, '0');
    })
    .join('')
    .toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Passage names: node ids with anything but letters, digits, `_ . -` made `_`, so no name needs Twee escapes. */
export const passageNames = (dialogue: Pick<PackDialogue, 'nodes'>) =>
  uniqueNames(Object.keys(dialogue.nodes).sort(compareCodePoints), (id) => id.replace(/[^\p{L}\p{N}_.-]/gu, '_'));

/**
 * A value or condition inside a SugarCube macro. Strings are JavaScript literals already
 * (quotes and line breaks escaped); brackets and `>>` inside them are written as `\u`
 * escapes so that no reader that looks for the macro's end or for links can be misled.
 */
const macroText = (text: string) =>
  text.replace(/[[\]\r\u2028\u2029]|>(?=>)/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const valueText = (value: boolean | number | string) => macroText(typeof value === 'string' ? JSON.stringify(value) : String(value));

/** A SugarCube comment: `*\/` inside it is broken up, and strings are JSON so they hold no line break. */
const comment = (text: string) => `/* ${text.replace(/\*\//g, '*\\/')} */`;

const expressionMacro = (ast: PackExpr) => macroText(expressionText(ast));

/**
 * A text template in SugarCube: literal text escaped as prose, `{expr}` as `<<print>>`,
 * `select` as `<<switch>>`, `plural` and `ordinal` by English's rule (SugarCube has no CLDR
 * rules), and markup dropped (SugarCube's own markup differs).
 */
function templateText(parts: readonly PackTextPart[], value?: PackExpr): string {
  return parts
    .map((part): string => {
      switch (part.type) {
        case 'text':
          return escapeProse(part.text);
        case 'value':
          return `<<print ${expressionMacro(part.expr)}>>`;
        case 'formatValue':
          return value ? `<<print ${expressionMacro(value)}>>` : '';
        case 'select':
          return `<<switch ${expressionMacro(part.value)}>>${part.cases
            .map((c) => `${c.key === 'other' ? '<<default>>' : `<<case ${valueText(c.key)}>>`}${templateText(c.parts, part.value)}`)
            .join('')}<</switch>>`;
        case 'plural': {
          const other = part.cases.find((c) => c.key === 'other');
          const one = part.ordinal ? undefined : part.cases.find((c) => c.key === 'one');
          const otherText = other ? templateText(other.parts, part.value) : '';
          return one
            ? `<<if ${expressionMacro(part.value)} == 1>>${templateText(one.parts, part.value)}<<else>>${otherText}<</if>>`
            : otherText;
        }
        default:
          return '';
      }
    })
    .join('');
}

const shownText = (text: string, template: readonly PackTextPart[] | undefined) => (template ? templateText(template) : escapeProse(text));

function actionMacro(action: PackAction): string {
  switch (action.type) {
    case 'setVariable': {
      const value = action.expression ? expressionMacro(action.expression.ast) : valueText(action.value);
      return action.operator === '='
        ? `<<set $${action.variable} to ${value}>>`
        : `<<set $${action.variable} ${action.operator} ${value}>>`;
    }
    case 'command':
      return comment(`command ${action.name}${action.args.map((a) => ` ${JSON.stringify(a)}`).join('')}`);
    default:
      return comment(`${action.type} ${JSON.stringify(action)}`);
  }
}

/**
 * A dialogue as a Twee 3 story for SugarCube 2: one passage per graph node, named by its id.
 * Lines show `Speaker: text` with a Continue link, choices a link per option inside
 * `<<if>>` when conditional, branches `<<if>>/<<elseif>>/<<else>>` with `<<goto>>`,
 * variable actions `<<set>>`; quest, item and command actions are kept as comments.
 * Text written by the creator is escaped (see escapeProse), so it shows as written and can
 * never become a passage, a link or a macro; a link shows its option's text as a reader sees it
 * unplayed (plainText), since SugarCube link labels are literal.
 */
export function exportTwee(dialogue: PackDialogue): string {
  const names = passageNames(dialogue);
  const link = (text: string, target: string | undefined) =>
    target === undefined || !names.has(target)
      ? ''
      : `[[${escapeProse(text.replace(/\s+/g, ' ').trim()) || '&#8230;'}->${names.get(target)}]]`;
  const goto = (target: string | undefined) => (target === undefined || !names.has(target) ? '' : `<<goto "${names.get(target)}">>`);
  const condition = expressionMacro;
  const target = (node: { dialogueId?: string; nodeId?: string; expression?: { source: string } }) =>
    node.expression
      ? `expression ${JSON.stringify(node.expression.source)}`
      : `${node.dialogueId ? `dialogue ${JSON.stringify(node.dialogueId)} ` : ''}node ${JSON.stringify(node.nodeId ?? '')}`;
  const body = (node: PackNode): string[] => {
    switch (node.kind) {
      case 'line':
      case 'aiLine': {
        const text = node.kind === 'line' ? shownText(node.text, node.template) : shownText(node.fallbackText, node.template);
        const skip = [
          ...(node.kind === 'line' && node.condition ? [`<<if not (${condition(node.condition.ast)})>>${goto(node.next)}<</if>>`] : []),
          ...(node.kind === 'line' && node.once ? [`<<if visited() gt 1>>${goto(node.next)}<</if>>`] : []),
        ];
        return [...skip, `${node.speaker ? `${escapeProse(node.speaker)}&#58; ` : ''}${text}`, '', link('Continue', node.next)];
      }
      case 'choice': {
        const options = node.options.map((o) =>
          o.condition
            ? `<<if ${condition(o.condition.ast)}>>${link(plainText(o.text), o.target)}<</if>>`
            : link(plainText(o.text), o.target),
        );
        const guarded = node.options.filter((o) => o.condition);
        const fallthrough =
          node.else !== undefined && guarded.length === node.options.length
            ? [
                `<<if ${guarded.map((o) => `not (${condition(o.condition!.ast)})`).join(' and ') || 'true'}>>${link('Continue', node.else)}<</if>>`,
              ]
            : [];
        return [...options, ...fallthrough];
      }
      case 'section':
        return [comment(`section ${JSON.stringify(node.title)}`), goto(node.next)];
      case 'group':
        return [
          comment('one of these is played; Loreweaver ranks them by its saliency rule, SugarCube takes the first that holds'),
          ...node.candidates.map(
            (c, i) => `<<${i === 0 ? 'if' : 'elseif'} ${c.condition ? condition(c.condition.ast) : 'true'}>>${goto(c.target)}`,
          ),
          ...(node.candidates.length ? [`<<else>>${goto(node.else)}<</if>>`] : [goto(node.else)]),
        ];
      case 'detour':
        return [comment(`detour to ${target(node)}, then continue`), goto(node.next)];
      case 'return':
        return [comment('return from a detour'), 'The end.'];
      case 'branch':
        return [
          ...node.branches.map((b, i) => `<<${i === 0 ? 'if' : 'elseif'} ${condition(b.condition.ast)}>>${goto(b.target)}`),
          ...(node.branches.length ? [`<<else>>${goto(node.else)}<</if>>`] : [goto(node.else)]),
        ];
      case 'action':
        return [...node.actions.map(actionMacro), goto(node.next)];
      case 'jump':
        return node.dialogueId === undefined && !node.expression ? [goto(node.nodeId)] : [comment(`jump to ${target(node)}`)];
      case 'end':
        return [node.outcome ? `The end (${escapeProse(node.outcome)}).` : 'The end.'];
    }
  };
  const ids = [...names.keys()];
  const start = names.get(dialogue.startNodeId) ?? names.get(ids[0]) ?? '';
  const data = { ifid: ifid(dialogue.id), format: 'SugarCube', 'format-version': '2.37.3', start };
  const init = dialogue.variables.map((v) =>
    v.type === 'smart' ? comment(`$${v.name} is ${v.expression.source}`) : `<<set $${v.name} to ${valueText(v.default)}>>`,
  );
  return (
    [
      `:: StoryTitle\n${
        dialogue.name
          .replace(/\s+/g, ' ')
          .replace(/^[\s:]+/, '')
          .trim() || 'Untitled'
      }`,
      `:: StoryData\n${JSON.stringify(data, null, 2)}`,
      ...(init.length ? [`:: StoryInit\n${init.join('\n')}`] : []),
      ...ids.map((id) => `:: ${names.get(id)}\n${body(dialogue.nodes[id]).join('\n').trim()}`),
    ].join('\n\n') + '\n'
  );
}

interface Passage {
  name: string;
  tags: string[];
  lines: string[];
}

const SPECIAL = new Set([
  'StoryTitle',
  'StoryData',
  'StoryInit',
  'StoryAuthor',
  'StorySubtitle',
  'StoryMenu',
  'StoryCaption',
  'StoryBanner',
  'PassageReady',
  'PassageDone',
  'PassageHeader',
  'PassageFooter',
]);

/** What story formats treat as markup rather than prose: links (kind 0), SugarCube and Harlowe macros, comments, HTML tags. */
const MARKUP: MarkupKind[] = [
  { open: /\[\[/, close: ']]', withinLine: true },
  { open: /<</, close: '>>' },
  { open: /\([a-z0-9-]+:/i, close: ')' },
  { open: /\/\*/, close: '*/' },
  { open: /<!--/, close: '-->' },
  { open: /<\/?[a-z]/i, close: '>' },
];

/** A link's text and target in every Twine spelling: text->target, target<-text, text|target, target. */
function link(inner: string): { text: string; target: string } {
  const setter = inner.indexOf('][');
  const body = setter < 0 ? inner : inner.slice(0, setter);
  const part = (from: number, to?: number) => decodeEntities(body.slice(from, to)).trim();
  const arrow = body.lastIndexOf('->');
  if (arrow >= 0) return { text: part(0, arrow), target: part(arrow + 2) };
  const back = body.indexOf('<-');
  if (back >= 0) return { text: part(back + 2), target: part(0, back) };
  const bar = body.lastIndexOf('|');
  if (bar >= 0) return { text: part(0, bar), target: part(bar + 1) };
  return { text: part(0), target: part(0) };
}

/** A passage's links, and its prose: the text without markup, character references read, as one line of speech. */
function readPassage(text: string): { links: { text: string; target: string }[]; prose: string } {
  const found = scanMarkup(text, MARKUP);
  return {
    links: found.filter((span) => span.kind === 0 && span.inner.trim()).map((span) => link(span.inner)),
    prose: decodeEntities(replaceSpans(text, found, () => ' '))
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

/**
 * A passage header `:: Name [tags] {metadata}`, read in one pass. The name ends at an
 * unescaped `[` or `{`; a tag list must close on the same line and metadata must end it.
 */
function passageHeader(line: string, number: number): { name: string; tags: string[] } {
  let name = '';
  let i = 2;
  for (; i < line.length && line[i] !== '[' && line[i] !== '{'; i++) name += line[i] === '\\' && i + 1 < line.length ? line[++i] : line[i];
  let tags: string[] = [];
  if (line[i] === '[') {
    const close = line.indexOf(']', i);
    if (close < 0) throw new InteropError(`Line ${number}: the passage's tag list has no closing ]`);
    tags = line
      .slice(i + 1, close)
      .split(/\s+/)
      .filter(Boolean);
    i = close + 1;
  }
  const rest = line.slice(i).trim();
  if (rest && !(rest.startsWith('{') && rest.endsWith('}')))
    throw new InteropError(`Line ${number}: a passage header may only hold a name, [tags] and {metadata}`);
  return { name: name.trim(), tags };
}

/**
 * Imports a Twee 3 story as one dialogue: each passage becomes a line with its prose (story
 * format macros removed) followed by a choice of its links, or an end when it has none.
 * Macros are specific to each story format and are not run; the passage graph is kept.
 */
export function importTwee(source: string, identity: { id: string; name: string }): Dialogue {
  const passages: Passage[] = [];
  let current: Passage | undefined;
  const names = new Set<string>();
  sourceLines(source, 'Twee').forEach((line, index) => {
    if (line.startsWith('::')) {
      const { name, tags } = passageHeader(line, index + 1);
      if (!name) throw new InteropError(`Line ${index + 1}: a passage has no name`);
      if (names.has(name)) throw new InteropError(`Line ${index + 1}: two passages are named "${name}"`);
      names.add(name);
      current = { name, tags, lines: [] };
      passages.push(current);
    } else current?.lines.push(line);
  });
  if (!passages.length) throw new InteropError('The file has no Twee passages (lines starting with ::)');
  let start = passages.find((p) => p.name === 'Start')?.name;
  const data = passages.find((p) => p.name === 'StoryData');
  if (data) {
    try {
      const parsed = JSON.parse(data.lines.join('\n')) as { start?: unknown };
      if (typeof parsed.start === 'string') start = parsed.start;
    } catch {
      throw new InteropError('The StoryData passage is not valid JSON');
    }
  }
  const story = passages.filter((p) => !SPECIAL.has(p.name) && !p.tags.some((t) => t === 'script' || t === 'stylesheet' || t === 'widget'));
  if (!story.length) throw new InteropError('The story has no passages to play');
  if (story.length * 3 > INTEROP_LIMITS.maxNodes) throw new InteropError('The story has too many passages');
  const ids = new Map(story.map((p) => [p.name, p.name.slice(0, 120)]));
  const nodes: Record<string, DialogueNode> = {};
  const at = { x: 0, y: 0 };
  for (const passage of story) {
    const id = ids.get(passage.name)!;
    const read = readPassage(passage.lines.join('\n'));
    const out = read.links.slice(0, DIALOGUE_LIMITS.maxOptions);
    const text = escapeText(read.prose).slice(0, DIALOGUE_LIMITS.maxTextLength);
    const after = out.length ? `${id}#choice` : `${id}#end`;
    if (out.length) {
      nodes[after] = {
        id: after,
        position: at,
        kind: 'choice',
        options: out.map((l, i) => ({
          id: `o${i + 1}`,
          text: escapeText(l.text).slice(0, DIALOGUE_LIMITS.maxTextLength),
          ...(ids.has(l.target) ? { target: ids.get(l.target)! } : {}),
        })),
      };
    } else nodes[after] = { id: after, position: at, kind: 'end' };
    nodes[id] = text
      ? { id, position: at, kind: 'line', speaker: '', text, lineId: id, next: after }
      : { id, position: at, kind: 'jump', nodeId: after };
  }
  const startId = (start && ids.get(start)) ?? ids.get(story[0].name)!;
  return { schemaVersion: DIALOGUE_SCHEMA_VERSION, id: identity.id, name: identity.name, variables: [], startNodeId: startId, nodes };
}
