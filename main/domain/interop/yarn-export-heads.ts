import type { Dialogue, DialogueNode, NodeOfKind } from '../dialogue/dialogue-schema';

/**
 * A node that starts a Yarn node of its own: a section (its body follows it), a group whose
 * candidates are sections only it reaches (a node group, each section one member), another
 * group (a node group whose members jump to the candidates), or any other node (the Yarn
 * node's body starts with it).
 */
export type YarnHead =
  | { kind: 'section'; section: NodeOfKind<'section'> }
  | { kind: 'nodeGroup'; group: NodeOfKind<'group'>; members: NodeOfKind<'section'>[] }
  | { kind: 'jumpGroup'; group: NodeOfKind<'group'> }
  | { kind: 'node' };

/** Every output of a node: the ids it can continue at. */
export function outputs(node: DialogueNode): (string | undefined)[] {
  switch (node.kind) {
    case 'line':
    case 'aiLine':
    case 'action':
    case 'section':
      return [node.next];
    case 'detour':
      return [node.dialogueId === undefined ? node.nodeId : undefined, node.next];
    case 'jump':
      return [node.dialogueId === undefined ? node.nodeId : undefined];
    case 'choice':
      return [...node.options.map((o) => o.target), node.else];
    case 'branch':
      return [...node.branches.map((b) => b.target), node.else];
    case 'group':
      return [...node.candidates.map((c) => c.target), node.else];
    default:
      return [];
  }
}

/**
 * The nodes that start Yarn nodes before any path is walked: the start node, sections,
 * local jump and detour targets, nodes named in `visited("…")`/`visited_count("…")` (so that
 * their visits still count), and groups other than line groups (a line group's
 * candidates are lines no other node reaches, without conditions of their own).
 */
export function initialHeads(dialogue: Pick<Dialogue, 'startNodeId' | 'nodes'>): Map<string, YarnHead> {
  const nodes = Object.values(dialogue.nodes);
  const byId = (id: string | undefined) => (id !== undefined && Object.prototype.hasOwnProperty.call(dialogue.nodes, id) ? dialogue.nodes[id] : undefined);
  const inDegree = new Map<string, number>();
  for (const node of nodes) for (const id of outputs(node)) if (id !== undefined) inDegree.set(id, (inDegree.get(id) ?? 0) + 1);
  const only = (id: string | undefined) => id !== undefined && inDegree.get(id) === 1;

  const heads = new Map<string, YarnHead>();
  const members = new Set<string>();
  for (const node of nodes) {
    if (node.kind !== 'group') continue;
    const targets = node.candidates.map((c) => byId(c.target));
    const sections = targets.filter((t): t is NodeOfKind<'section'> => t?.kind === 'section' && only(t.id));
    const lines = targets.filter((t) => t?.kind === 'line' && only(t.id) && t.condition === undefined && !t.once);
    if (node.candidates.length && lines.length === targets.length) continue;
    if (node.candidates.length && sections.length === targets.length && new Set(sections).size === sections.length) {
      heads.set(node.id, { kind: 'nodeGroup', group: node, members: sections });
      for (const section of sections) members.add(section.id);
    } else heads.set(node.id, { kind: 'jumpGroup', group: node });
  }
  for (const node of nodes) {
    if (node.kind === 'section' && !members.has(node.id)) heads.set(node.id, { kind: 'section', section: node });
    if (node.kind === 'group' && heads.get(node.id)?.kind === 'jumpGroup')
      for (const c of node.candidates) if (c.target !== undefined && byId(c.target) && !heads.has(c.target)) heads.set(c.target, { kind: 'node' });
    if ((node.kind === 'jump' || node.kind === 'detour') && node.dialogueId === undefined && byId(node.nodeId) && !heads.has(node.nodeId!))
      heads.set(node.nodeId!, { kind: 'node' });
  }
  if (byId(dialogue.startNodeId) && !heads.has(dialogue.startNodeId)) heads.set(dialogue.startNodeId, { kind: 'node' });
  for (const node of nodes)
    for (const [, id] of JSON.stringify(node).matchAll(/visited(?:_count)?\(\s*\\"((?:[^"\\]|\\\\.)*)\\"/g))
      if (byId(id) && !heads.has(id) && !members.has(id)) heads.set(id, { kind: 'node' });
  return heads;
}
