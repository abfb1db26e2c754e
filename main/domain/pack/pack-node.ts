import type { DialogueNode } from '../dialogue/dialogue-schema';
import type { PackNode } from './pack-schema';

/**
 * A pack's node as the studio's record. Conditions go back to the text the creator wrote;
 * the tree is derived from it again on the next export. The web runtime plays packs
 * through this too, so it must stay free of zod and the other record modules.
 */
export function fromPackNode(node: PackNode): DialogueNode {
  switch (node.kind) {
    case 'choice':
      return {
        ...node,
        options: node.options.map(({ condition, ...option }) => ({ ...option, ...(condition ? { condition: condition.source } : {}) })),
      };
    case 'branch':
      return { ...node, branches: node.branches.map((branch) => ({ ...branch, condition: branch.condition.source })) };
    default:
      return node;
  }
}
