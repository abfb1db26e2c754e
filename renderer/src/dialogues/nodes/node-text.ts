import type { DialogueAction, DialogueNode, ReferenceNames } from '../../../../main/domain/dialogue';
import { NODE_KINDS } from './node-kinds';

const questTitle = (id: string, names: ReferenceNames) => names.quest(id)?.title.trim() || id;

/** One action in a few words, naming quests, stages, objectives and items as the creator wrote them. */
export function describeAction(action: DialogueAction, names: ReferenceNames): string {
  switch (action.type) {
    case 'setVariable':
      return `$${action.variable} ${action.operator} ${action.expression ?? JSON.stringify(action.value)}`;
    case 'call':
      return action.expression;
    case 'commandText':
      return `<<${action.text}>>`;
    case 'startQuest':
      return `Start quest ${questTitle(action.questId, names)}`;
    case 'advanceQuest': {
      if (action.stage === undefined) return `Advance ${questTitle(action.questId, names)}`;
      const stage = names.quest(action.questId)?.stages[action.stage]?.title.trim() || `stage ${action.stage + 1}`;
      return `Advance ${questTitle(action.questId, names)} to ${stage}`;
    }
    case 'completeObjective': {
      const objective = names
        .quest(action.questId)
        ?.objectives.find((o) => o.id === action.objectiveId)
        ?.description.trim();
      return `Complete “${objective || action.objectiveId}” of ${questTitle(action.questId, names)}`;
    }
    case 'completeQuest':
      return `Complete quest ${questTitle(action.questId, names)}`;
    case 'giveItem':
      return `Give ${action.count} × ${names.item(action.itemId) ?? action.itemId}`;
    case 'command':
      return `${action.name}(${action.args.map((a) => JSON.stringify(a)).join(', ')})`;
  }
}

/** The words of a node a creator recognises it by: speaker and texts, conditions, actions, targets, section titles and outcomes. */
export function nodeText(node: DialogueNode, names: ReferenceNames): string {
  switch (node.kind) {
    case 'line':
      return `${node.speaker} ${node.text}`;
    case 'aiLine':
      return `${node.speaker} ${node.instruction} ${node.fallbackText}`;
    case 'choice':
      return node.options.map((o) => (o.condition ? `${o.text} ${o.condition}` : o.text)).join(' ');
    case 'branch':
      return node.branches.map((b) => b.condition).join(' ');
    case 'action':
      return node.actions.map((action) => describeAction(action, names)).join(' ');
    case 'jump':
    case 'detour':
      return node.expression ?? node.nodeId ?? node.dialogueId ?? '';
    case 'end':
      return node.outcome ?? '';
    case 'section':
      return node.title;
    case 'group':
      return node.candidates.map((c) => c.condition ?? '').join(' ');
    case 'return':
      return '';
  }
}

/** What a node says, shortened, so pickers list "Welcome to my forge." rather than `line_x7k2`. */
export function nodeSummary(node: DialogueNode, names: ReferenceNames, length = 60): string {
  const text = nodeText(node, names).replace(/\s+/g, ' ').trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** A node as pickers and search list it: its kind, then what it says (its id when it says nothing). */
export const nodeOptionLabel = (node: DialogueNode, names: ReferenceNames): string =>
  `${NODE_KINDS[node.kind].label} · ${nodeSummary(node, names) || node.id}`;
