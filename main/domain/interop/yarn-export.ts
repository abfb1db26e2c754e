import type { Dialogue, DialogueAction, DialogueNode, NodeOfKind } from '../dialogue/dialogue-schema';
import { compareCodePoints } from '../pack/canonical-json';
import { fromPackDialogue } from '../pack/pack-node';
import type { PackDialogue } from '../pack/pack-schema';
import { uniqueNames } from './node-names';
import { quoted } from './yarn-expression-text';
import { yarnCommand, yarnExpression, yarnSpeaker, yarnTemplate } from './yarn-export-text';
import { initialHeads, outputs } from './yarn-export-heads';

/** What the Yarn export reads of a dialogue. */
export type YarnExportable = Pick<Dialogue, 'id' | 'name' | 'variables' | 'startNodeId' | 'nodes'> & Pick<Partial<Dialogue>, 'enums' | 'saliency'>;

const TITLE = /^[A-Za-z_][\w.]*$/;
const valueText = (value: boolean | number | string) => (typeof value === 'string' ? quoted(value) : String(value));

/** A command argument as Yarn reads it back as the same value: bare when it is a plain word, else in quotes. */
function commandArg(value: boolean | number | string): string {
  if (typeof value !== 'string') return String(value);
  const bare = /^[^\s"{}\\<>#/]+$/.test(value) && value !== 'true' && value !== 'false' && String(Number(value)) !== value;
  return bare ? value : quoted(value);
}

const questCommand = (action: DialogueAction): string | undefined => {
  switch (action.type) {
    case 'startQuest':
      return `startQuest ${commandArg(action.questId)}`;
    case 'advanceQuest':
      return `advanceQuest ${commandArg(action.questId)}${action.stage === undefined ? '' : ` ${action.stage}`}`;
    case 'completeObjective':
      return `completeObjective ${commandArg(action.questId)} ${commandArg(action.objectiveId)}`;
    case 'completeQuest':
      return `completeQuest ${commandArg(action.questId)}`;
    case 'giveItem':
      return `giveItem ${commandArg(action.itemId)} ${action.count}`;
    default:
      return undefined;
  }
};

/**
 * A dialogue as a Yarn Spinner 3 script that imports back as the same dialogue. Each section
 * is a Yarn node titled by its id, and a group whose candidates are sections a node group
 * (`when:` headers, a member's id `title.x` as `subtitle: x` unless it is the member's place in the group); the start node, jump and detour targets
 * nodes whose visits a condition counts, any node more than one path reaches without being
 * the join of a choice, branch or line group, and nodes nothing reaches become Yarn nodes of
 * their own, reached with `<<jump>>`. Inside a node, choices are
 * `->` option groups (ended by a blank line), branches `<<if>>`/`<<once>>` blocks, line
 * groups `=>` items, and lines, actions, detours, returns and ends the matching statements.
 * Quest and item actions are commands the game registers (startQuest, advanceQuest,
 * completeObjective, completeQuest, giveItem); AI lines play their fallback with an `#ai` tag
 * and the instruction in a comment; a jump to another dialogue is `<<loreweaverJump>>`.
 */
export function exportYarnDialogue(dialogue: YarnExportable): string {
  const { nodes } = dialogue;
  const node = (id: string | undefined): DialogueNode | undefined =>
    id !== undefined && Object.prototype.hasOwnProperty.call(nodes, id) ? nodes[id] : undefined;
  const heads = initialHeads(dialogue);
  let ordered: string[] = [];
  const nameHeads = () => {
    ordered = [...heads.keys()].sort((a, b) => (a === dialogue.startNodeId ? -1 : b === dialogue.startNodeId ? 1 : compareCodePoints(a, b)));
    return uniqueNames(ordered, (id) => (TITLE.test(id) ? id : id.replace(/[^\w.]/g, '_').replace(/^(?=[\d.]|$)/, 'N_')));
  };
  let titles = nameHeads();
  const titleOf = (id: string) => titles.get(id);
  const expression = (source: string) => yarnExpression(source, titleOf);
  const gate = (condition: string | undefined, once: boolean | undefined) =>
    once ? (condition && expression(condition) !== 'true' ? ` <<once if ${expression(condition)}>>` : ' <<once>>') : condition ? ` <<if ${expression(condition)}>>` : '';
  const tags = (lineId: string, emotion?: string) =>
    `${lineId ? ` #line:${lineId.replace(/[^\w.:-]/g, '_')}` : ''}${emotion ? ` #emotion:${emotion.replace(/[^\w.:-]/g, '_')}` : ''}`;
  const speech = (speaker: string, text: string) =>
    speaker.trim() ? `${yarnSpeaker(speaker.trim())}: ${yarnTemplate(text, titleOf, false)}` : yarnTemplate(text, titleOf, true);
  const jumpTo = (id: string) => `<<jump ${titleOf(id)}>>`;

  const actionLine = (action: DialogueAction): string => {
    switch (action.type) {
      case 'setVariable': {
        const value = action.expression === undefined ? valueText(action.value) : expression(action.expression);
        return `<<set $${action.variable} ${action.operator === '=' ? 'to' : action.operator} ${value}>>`;
      }
      case 'call':
        return `<<call ${expression(action.expression)}>>`;
      case 'commandText':
        return `<<${yarnCommand(action.text, titleOf)}>>`;
      case 'command':
        return `<<${action.name}${action.args.map((a) => ` ${commandArg(a)}`).join('')}>>`;
      default:
        return `<<${questCommand(action)}>>`;
    }
  };

  /** The nodes a path from `start` passes through, in order, following each construct to its join, up to a head or an end. */
  const joins = new Map<string, string | undefined>();
  const path = (start: string | undefined): string[] => {
    const seen = new Set<string>();
    for (let id = start; id !== undefined && !seen.has(id); ) {
      seen.add(id);
      const n = node(id);
      if (!n || heads.has(id)) break;
      id = after(n);
    }
    return [...seen];
  };
  /** Where the paths of a construct meet again: a choice's or group's `else`; for a branch, the first node of its `else` path that every branch reaches or never joins. */
  const after = (n: DialogueNode): string | undefined => {
    switch (n.kind) {
      case 'line':
      case 'aiLine':
      case 'action':
      case 'detour':
        return n.next;
      case 'choice':
      case 'group':
        return n.else;
      case 'branch': {
        if (joins.has(n.id)) return joins.get(n.id);
        joins.set(n.id, undefined);
        const otherwise = path(n.else);
        const paths = n.branches.map((b) => new Set(path(b.target)));
        const join = otherwise.find((id) => paths.every((p) => p.has(id) || otherwise.every((o) => !p.has(o))));
        joins.set(n.id, join);
        return join;
      }
      default:
        return undefined;
    }
  };

  /** Runs every head's emission; nodes reached twice become heads and it runs again, until none is. */
  let out: string[] = [];
  for (;;) {
    const reached = new Set<string>();
    const twice = new Set<string>();
    out = [];
    const emit = (text: string, depth: number): void => {
      out.push(`${'    '.repeat(depth)}${text}`);
    };

    /** A blank line before an option or line group that follows other statements at its indentation or deeper, so that two groups in a row stay two. */
    const separate = (depth: number) => {
      const last = out[out.length - 1] ?? '';
      if (last !== '---' && last.trim() && last.length - last.trimStart().length >= depth * 4) out.push('');
    };

    /** Writes the statements from `start` until `stop` (the join its caller continues at), a head, or an end. */
    const chain = (start: string | undefined, stop: string | undefined, depth: number, head?: string): void => {
      for (let id = start; id !== undefined && id !== stop; ) {
        const n = node(id);
        if (!n) return;
        if (heads.has(id) && id !== head) return emit(jumpTo(id), depth);
        if (reached.has(id)) {
          twice.add(id);
          return emit(jumpTo(id), depth);
        }
        reached.add(id);
        switch (n.kind) {
          case 'line':
            emit(`${speech(n.speaker, n.text)}${gate(n.condition, n.once)}${tags(n.lineId, n.emotion)}`, depth);
            break;
          case 'aiLine':
            emit(`// ai instruction: ${n.instruction.replace(/[\r\n\u2028\u2029]+/g, ' ')}`, depth);
            emit(`${speech(n.speaker, n.fallbackText)}${tags(n.lineId, n.emotion)} #ai`, depth);
            break;
          case 'action':
            for (const action of n.actions) emit(actionLine(action), depth);
            break;
          case 'detour':
            emit(
              n.dialogueId !== undefined
                ? `<<loreweaverDetour ${commandArg(n.dialogueId)}${n.nodeId ? ` ${commandArg(n.nodeId)}` : ''}>>`
                : n.expression !== undefined
                  ? `<<detour {${expression(n.expression)}}>>`
                  : n.nodeId !== undefined && titleOf(n.nodeId)
                    ? `<<detour ${titleOf(n.nodeId)}>>`
                    : '<<return>>',
              depth,
            );
            break;
          case 'choice': {
            const join = n.else;
            separate(depth);
            for (const option of n.options) {
              emit(`-> ${yarnTemplate(option.text, titleOf, true)}${gate(option.condition, option.once)}`, depth);
              chain(option.target, join, depth + 1);
            }
            break;
          }
          case 'group': {
            const join = n.else;
            separate(depth);
            for (const candidate of n.candidates) {
              const line = node(candidate.target) as NodeOfKind<'line'>;
              reached.add(line.id);
              emit(`=> ${speech(line.speaker, line.text)}${gate(candidate.condition, candidate.once)}${tags(line.lineId, line.emotion)}`, depth);
              chain(line.next, join, depth + 1);
            }
            break;
          }
          case 'branch':
            branches(n.branches, n.else, after(n), depth);
            break;
          case 'jump':
            emit(
              n.dialogueId !== undefined
                ? `<<loreweaverJump ${commandArg(n.dialogueId)}${n.nodeId ? ` ${commandArg(n.nodeId)}` : ''}>>\n${'    '.repeat(depth)}<<stop>>`
                : n.expression !== undefined
                  ? `<<jump {${expression(n.expression)}}>>`
                  : n.nodeId !== undefined && titleOf(n.nodeId)
                    ? jumpTo(n.nodeId)
                    : '<<stop>>',
              depth,
            );
            return;
          case 'return':
            if (depth > 0 || stop !== undefined) emit('<<return>>', depth);
            return;
          case 'end':
            if (n.outcome) emit(`<<outcome ${commandArg(n.outcome)}>>`, depth);
            return emit('<<stop>>', depth);
          case 'section':
            return emit(jumpTo(id), depth);
        }
        id = after(n);
      }
    };

    /** A branch node's branches: `<<if>>`/`<<elseif>>`/`<<else>>`, a once branch as `<<once>>` with the rest nested in its `<<else>>`. */
    const branches = (list: NodeOfKind<'branch'>['branches'], otherwise: string | undefined, join: string | undefined, depth: number): void => {
      const onceAt = list.findIndex((b) => b.once);
      const plain = onceAt < 0 ? list : list.slice(0, onceAt);
      plain.forEach((b, index) => {
        emit(`<<${index === 0 ? 'if' : 'elseif'} ${expression(b.condition)}>>`, depth);
        chain(b.target, join, depth + 1);
      });
      const inner = plain.length ? depth + 1 : depth;
      if (onceAt >= 0) {
        if (plain.length) emit('<<else>>', depth);
        const once = list[onceAt];
        emit(`<<once${expression(once.condition) === 'true' ? '' : ` if ${expression(once.condition)}`}>>`, inner);
        chain(once.target, join, inner + 1);
        const rest = list.slice(onceAt + 1);
        if (rest.length || otherwise !== join) {
          emit('<<else>>', inner);
          if (rest.length) branches(rest, otherwise, join, inner + 1);
          else chain(otherwise, join, inner + 1);
        }
        emit('<<endonce>>', inner);
      } else if (otherwise !== join) {
        emit('<<else>>', depth);
        chain(otherwise, join, depth + 1);
      }
      if (plain.length) emit('<<endif>>', depth);
    };

    const declarations = [
      ...(dialogue.enums ?? []).flatMap((e) => [
        `<<enum ${e.name}>>`,
        ...e.cases.map((c) => `    <<case ${c.name}${c.value === undefined ? '' : ` = ${valueText(c.value)}`}>>`),
        '<<endenum>>',
      ]),
      ...dialogue.variables.map((v) =>
        v.type === 'smart'
          ? `<<declare $${v.name} = ${expression(v.expression)}>>`
          : v.type === 'enum'
            ? `<<declare $${v.name} = ${v.enum}.${v.default}>>`
            : `<<declare $${v.name} = ${valueText(v.default)}>>`,
      ),
    ];
    const yarnNode = (title: string, headers: string[], body: () => void) => {
      out.push(`title: ${title}`, ...headers, '---');
      if (!declared) out.push(...declarations);
      declared = true;
      body();
      out.push('===');
    };
    let declared = false;
    for (const id of ordered) {
      const head = heads.get(id)!;
      const title = titleOf(id)!;
      if (head.kind === 'section') yarnNode(title, [], () => chain(head.section.next, undefined, 0));
      else if (head.kind === 'node') yarnNode(title, [], () => chain(id, undefined, 0, id));
      else
        head.group.candidates.forEach((candidate, k) => {
          const when = candidate.once
            ? `once${candidate.condition ? ` if ${expression(candidate.condition)}` : ''}`
            : candidate.condition
              ? expression(candidate.condition)
              : 'always';
          const member = head.kind === 'nodeGroup' ? head.members[k] : undefined;
          const subtitle = member ? (member.id.startsWith(`${id}.`) ? member.id.slice(id.length + 1) : member.id) : `c${k + 1}`;
          const headers = [`when: ${when}`, ...(subtitle === String(k + 1) ? [] : [`subtitle: ${subtitle.replace(/[^\w.]/g, '_')}`])];
          yarnNode(title, headers, () =>
            member ? chain(member.next, undefined, 0) : candidate.target !== undefined && titleOf(candidate.target) ? emit(jumpTo(candidate.target), 0) : undefined,
          );
        });
    }
    /** A node group's members, and the return its `else` leads to (Yarn writes neither as a statement). */
    const members = new Set(
      [...heads.values()].flatMap((h) => [
        ...(h.kind === 'nodeGroup' ? h.members.map((m) => m.id) : []),
        ...(h.kind !== 'section' && h.kind !== 'node' && node(h.group.else)?.kind === 'return' ? [h.group.else!] : []),
      ]),
    );
    const unreached = Object.keys(nodes).filter((id) => !reached.has(id) && !heads.has(id) && !members.has(id));
    if (!twice.size && !unreached.length) break;
    const referenced = new Set(unreached.flatMap((id) => outputs(nodes[id])));
    const roots = twice.size ? [] : unreached.filter((id) => !referenced.has(id));
    for (const id of twice.size ? twice : roots.length ? roots : unreached.slice(0, 1)) heads.set(id, { kind: 'node' });
    titles = nameHeads();
  }
  return `// ${dialogue.name.replace(/[\r\n\u2028\u2029]+/g, ' ')}: exported from Loreweaver (dialogue ${dialogue.id.replace(/[\r\n\u2028\u2029]+/g, ' ')})\n${out.join('\n')}\n`;
}

/** A pack's dialogue as Yarn (see exportYarnDialogue). */
export const exportYarn = (dialogue: PackDialogue): string => exportYarnDialogue(fromPackDialogue(dialogue));
