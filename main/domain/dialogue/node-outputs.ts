import type { DialogueNode } from './dialogue-schema';

/** One outgoing connection of a node: the field that holds it and the node it names, if any. */
export interface NodeOutput {
  /** Path within the node, as validation problems report it: `next`, `options[2].target`, `else`. */
  field: string;
  /** How the editor names the handle: "Next", "Option 2", "Else". */
  label: string;
  target: string | undefined;
}

/**
 * The edges a node draws inside its own dialogue, in the order the editor shows its
 * handles. A jump to another dialogue has none here: it leaves this graph.
 */
export function nodeOutputs(node: DialogueNode): NodeOutput[] {
  switch (node.kind) {
    case 'line':
    case 'aiLine':
    case 'action':
      return [{ field: 'next', label: 'Next', target: node.next }];
    case 'choice':
      return node.options.map((option, i) => ({ field: `options[${i}].target`, label: `Option ${i + 1}`, target: option.target }));
    case 'branch':
      return [
        ...node.branches.map((branch, i) => ({ field: `branches[${i}].target`, label: `Branch ${i + 1}`, target: branch.target })),
        { field: 'else', label: 'Else', target: node.else },
      ];
    case 'jump':
      return node.dialogueId === undefined ? [{ field: 'nodeId', label: 'Jump target', target: node.nodeId }] : [];
    case 'end':
      return [];
  }
}
