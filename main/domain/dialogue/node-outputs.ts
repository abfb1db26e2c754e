import type { DialogueNode } from './dialogue-schema';

/** One outgoing connection of a node: the field that holds it and the node it names, if any. */
export interface NodeOutput {
  /** Path within the node, as validation problems report it: `next`, `options[2].target`, `else`. */
  field: string;
  /** How the editor names the handle: "Next", "Option 2", "Else". */
  label: string;
  target: string | undefined;
  /**
   * Left unconnected on purpose, most of the time: a choice's `else`, taken only when no
   * option is available. Validation neither warns about it nor counts it as a way out.
   */
  optional?: true;
}

const next = (target: string | undefined): NodeOutput => ({ field: 'next', label: 'Next', target });

/**
 * The edges a node draws inside its own dialogue, in the order the editor shows its
 * handles. A jump or detour to another dialogue, or to the node an expression names, has
 * no edge to its target here: the target is not a node of this graph known in advance.
 */
export function nodeOutputs(node: DialogueNode): NodeOutput[] {
  switch (node.kind) {
    case 'line':
    case 'aiLine':
    case 'action':
    case 'section':
      return [next(node.next)];
    case 'choice':
      return [
        ...node.options.map((option, i) => ({ field: `options[${i}].target`, label: `Option ${i + 1}`, target: option.target })),
        { field: 'else', label: 'Else', target: node.else, optional: true },
      ];
    case 'branch':
      return [
        ...node.branches.map((branch, i) => ({ field: `branches[${i}].target`, label: `Branch ${i + 1}`, target: branch.target })),
        { field: 'else', label: 'Else', target: node.else },
      ];
    case 'group':
      return [
        ...node.candidates.map((candidate, i) => ({
          field: `candidates[${i}].target`,
          label: `Candidate ${i + 1}`,
          target: candidate.target,
        })),
        { field: 'else', label: 'Else', target: node.else },
      ];
    case 'jump':
      return isLocalTarget(node) ? [{ field: 'nodeId', label: 'Jump target', target: node.nodeId }] : [];
    case 'detour':
      return [...(isLocalTarget(node) ? [{ field: 'nodeId', label: 'Detour target', target: node.nodeId }] : []), next(node.next)];
    case 'return':
    case 'end':
      return [];
  }
}

/** A jump or detour to a node of its own dialogue named by id (not another dialogue, not an expression). */
export const isLocalTarget = (node: { dialogueId?: string; expression?: string }): boolean =>
  node.dialogueId === undefined && node.expression === undefined;
