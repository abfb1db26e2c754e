import { nodeOutputs, type DialogueNode, type DialogueNodeKind } from '../../../../main/domain/dialogue';

const INDEXED_FIELD = /^(options|branches|candidates)\[(\d+)\]\.target$/;

/**
 * The node with one output (a field as `nodeOutputs` names it: `next`, `else`, `nodeId`,
 * `options[2].target`) pointed at `target`, or cleared when `target` is undefined.
 * Returns the same node when nothing changes, so callers can skip no-op edits.
 */
export function setOutputTarget(node: DialogueNode, field: string, target: string | undefined): DialogueNode {
  const current = nodeOutputs(node).find((o) => o.field === field);
  if (!current || current.target === target) return node;
  const indexed = INDEXED_FIELD.exec(field);
  if (indexed) {
    const index = Number(indexed[2]);
    const retarget = <T extends { target?: string }>(items: T[]) =>
      items.map((item, i) => (i === index ? withOptional(item, 'target', target) : item));
    if (node.kind === 'choice') return { ...node, options: retarget(node.options) };
    if (node.kind === 'branch') return { ...node, branches: retarget(node.branches) };
    if (node.kind === 'group') return { ...node, candidates: retarget(node.candidates) };
  }
  return withOptional(node, field as keyof DialogueNode, target) as DialogueNode;
}

/** A copy with `key` set, or removed when the value is undefined (stored records carry no undefined). */
function withOptional<T extends object>(value: T, key: keyof T, to: unknown): T {
  const next = { ...value } as Record<string, unknown>;
  if (to === undefined) delete next[key as string];
  else next[key as string] = to;
  return next as T;
}

/** The node with every output that leads into `removed` cleared; the same node when none does. */
export function clearTargets(node: DialogueNode, removed: ReadonlySet<string>): DialogueNode {
  let next = node;
  for (const output of nodeOutputs(node)) {
    if (output.target !== undefined && removed.has(output.target)) next = setOutputTarget(next, output.field, undefined);
  }
  return next;
}

/** The first output with no target, where the keyboard's "add node" attaches the new one. */
export const firstFreeOutput = (node: DialogueNode): string | undefined => nodeOutputs(node).find((o) => o.target === undefined)?.field;

const ID_PREFIX: Record<DialogueNodeKind, string> = {
  line: 'line',
  choice: 'choice',
  branch: 'branch',
  action: 'action',
  jump: 'jump',
  aiLine: 'ai',
  end: 'end',
  section: 'section',
  group: 'group',
  detour: 'detour',
  return: 'return',
};

/** A short, readable node id not yet used in the dialogue (`line_4k2p`). */
export function newNodeId(kind: DialogueNodeKind, taken: (id: string) => boolean, random: () => number = Math.random): string {
  for (;;) {
    const id = `${ID_PREFIX[kind]}_${Math.floor(random() * 36 ** 4)
      .toString(36)
      .padStart(4, '0')}`;
    if (!taken(id)) return id;
  }
}

/**
 * Copies of `nodes` under fresh ids, moved by `offset`: links among the copies follow
 * them, links to nodes outside the copy stay only where `keepTarget` allows, and lines get
 * new line ids (a line id names one recording, never two).
 */
export function cloneNodes(
  nodes: readonly DialogueNode[],
  taken: (id: string) => boolean,
  offset: { x: number; y: number },
  keepTarget: (id: string) => boolean,
): DialogueNode[] {
  const fresh = new Map<string, string>();
  const used = new Set<string>();
  for (const node of nodes) {
    const id = newNodeId(node.kind, (candidate) => taken(candidate) || used.has(candidate));
    used.add(id);
    fresh.set(node.id, id);
  }
  return nodes.map((node) => {
    const id = fresh.get(node.id)!;
    let copy: DialogueNode = { ...node, id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
    if (copy.kind === 'line' || copy.kind === 'aiLine') copy = { ...copy, lineId: id };
    for (const output of nodeOutputs(node)) {
      if (output.target === undefined) continue;
      const mapped = fresh.get(output.target);
      if (mapped) copy = setOutputTarget(copy, output.field, mapped);
      else if (!keepTarget(output.target)) copy = setOutputTarget(copy, output.field, undefined);
    }
    return copy;
  });
}
