import type { DialogueNode } from '../../../../main/domain/dialogue';
import { NODE_KINDS } from '../../dialogues/nodes/node-kinds';

/**
 * How the path names a node it passed: a section by its title, a detour by where it went,
 * a group and a return by their kind; other nodes by id. A node the dialogue no longer has keeps its id.
 */
export function pathLabel(nodeId: string, node: DialogueNode | undefined): string {
  switch (node?.kind) {
    case 'section':
      return `§ ${node.title}`;
    case 'detour':
      return `Detour → ${node.expression ? `{${node.expression}}` : [node.dialogueId, node.nodeId].filter(Boolean).join(' at ') || '?'}`;
    case 'group':
      return `Group ${nodeId}`;
    case 'return':
      return 'Return';
    default:
      return nodeId;
  }
}

/** The Mantine colour of a path entry: its kind's accent, as on the canvas. */
export const pathColor = (node: DialogueNode | undefined): string => (node ? NODE_KINDS[node.kind].color : 'gray');
