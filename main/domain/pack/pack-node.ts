import type { DialogueAction, DialogueNode, EnumDeclaration, VariableDeclaration } from '../dialogue/dialogue-schema';
import { setOwn } from '../dialogue/own-property';
import type { PlayableDialogue } from '../dialogue/runtime';
import { defined } from './defined-fields';
import type { PackAction, PackDialogue, PackNode, PackVariable } from './pack-schema';

/** A pack's condition or expression as the text the creator wrote. */
const sourceOf = <T extends { source: string } | undefined>(condition: T) => condition?.source;

function fromPackAction(action: PackAction): DialogueAction {
  switch (action.type) {
    case 'setVariable':
      return defined({ ...action, expression: sourceOf(action.expression) });
    case 'call':
      return { type: 'call', expression: action.expression.source };
    case 'commandText':
      return { type: 'commandText', text: action.text };
    default:
      return action;
  }
}

/**
 * A pack's node as the studio's record. Conditions and expressions go back to the text the
 * creator wrote and templates to their source; trees and parts are derived again on the
 * next export. The web runtime plays packs through this too, so it must stay free of zod
 * and the other record modules.
 */
export function fromPackNode(node: PackNode): DialogueNode {
  switch (node.kind) {
    case 'line': {
      const { template: _template, ...line } = node;
      return defined({ ...line, condition: sourceOf(node.condition) });
    }
    case 'aiLine': {
      const { template: _template, ...line } = node;
      return line;
    }
    case 'choice':
      return {
        ...node,
        options: node.options.map(({ template: _template, ...option }) => defined({ ...option, condition: sourceOf(option.condition) })),
      };
    case 'branch':
      return { ...node, branches: node.branches.map((branch) => ({ ...branch, condition: branch.condition.source })) };
    case 'group':
      return {
        ...node,
        candidates: node.candidates.map((candidate) => defined({ ...candidate, condition: sourceOf(candidate.condition) })),
      };
    case 'jump':
    case 'detour':
      return defined({ ...node, expression: sourceOf(node.expression) });
    case 'action':
      return { ...node, actions: node.actions.map(fromPackAction) };
    default:
      return node;
  }
}

/** A pack's variable as declared in the studio: an enum's default back to its case's name, a smart variable's expression to its text. */
function fromPackVariable(variable: PackVariable, enums: readonly EnumDeclaration[]): VariableDeclaration {
  switch (variable.type) {
    case 'enum': {
      const found = enums.find((e) => e.name === variable.enum)?.cases.find((c) => (c.value ?? c.name) === variable.default);
      return { name: variable.name, type: 'enum', enum: variable.enum, default: found?.name ?? String(variable.default) };
    }
    case 'smart':
      return { name: variable.name, type: 'smart', expression: variable.expression.source };
    default:
      return variable;
  }
}

/** A pack's dialogue as the runtime plays it and the studio stores it (less the record's schemaVersion). */
export function fromPackDialogue(dialogue: PackDialogue): PlayableDialogue & Pick<PackDialogue, 'name' | 'notes'> {
  // A case whose value is its own name was declared without one.
  const enums: EnumDeclaration[] = (dialogue.enums ?? []).map((e) => ({
    name: e.name,
    cases: e.cases.map((c) => (c.value === c.name ? { name: c.name } : { ...c })),
  }));
  const nodes: PlayableDialogue['nodes'] = {};
  for (const [id, node] of Object.entries(dialogue.nodes)) setOwn(nodes, id, fromPackNode(node));
  return defined({
    id: dialogue.id,
    name: dialogue.name,
    npcId: dialogue.npcId,
    notes: dialogue.notes,
    enums: dialogue.enums ? enums : undefined,
    saliency: dialogue.saliency,
    variables: dialogue.variables.map((variable) => fromPackVariable(variable, enums)),
    startNodeId: dialogue.startNodeId,
    nodes,
  });
}
