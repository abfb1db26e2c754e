import type { DialogueProblem } from './dialogue-problem';
import type { Dialogue, DialogueAction, DialogueNode } from './dialogue-schema';
import type { ValueType } from './expression/ast';
import { typeOfValue } from './expression/ast';
import { checkCondition, type CheckedCondition } from './expression/condition';
import { checkActionReferences, checkConditionReferences, type DialogueReferences } from './reference-rules';

export interface NodeRuleContext {
  readonly variables: ReadonlyMap<string, ValueType>;
  /** Line id → first node that used it. */
  readonly lineIds: Map<string, string>;
  /** Conditions repeat across big dialogues ("$met_king"); each distinct text is checked once. */
  readonly conditions: Map<string, CheckedCondition>;
  readonly refs: DialogueReferences;
  readonly nodeExists: (id: string) => boolean;
  readonly report: (problem: DialogueProblem) => void;
}

const isBlank = (text: string) => !/\S/.test(text);
const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Checks the condition of `list[index]`; the field path is built only when there is something to report. */
function checkConditionField(source: string, nodeId: string, list: 'options' | 'branches', index: number, ctx: NodeRuleContext): void {
  let checked = ctx.conditions.get(source);
  if (!checked) {
    checked = checkCondition(source, ctx.variables);
    ctx.conditions.set(source, checked);
  }
  const field = `${list}[${index}].condition`;
  for (const problem of checked.problems) {
    ctx.report({ severity: 'error', code: problem.code, message: problem.message, nodeId, field, span: problem.span });
  }
  if (checked.ast) checkConditionReferences(checked.ast, nodeId, field, ctx.nodeExists, ctx.refs, ctx.report);
}

function checkLineId(lineId: string, nodeId: string, ctx: NodeRuleContext): void {
  if (isBlank(lineId)) {
    ctx.report({
      severity: 'error',
      code: 'missing_line_id',
      message: 'Line has no line id for localization and voice-over',
      nodeId,
      field: 'lineId',
    });
    return;
  }
  const first = ctx.lineIds.get(lineId);
  if (first === undefined) ctx.lineIds.set(lineId, nodeId);
  else {
    ctx.report({
      severity: 'error',
      code: 'duplicate_line_id',
      message: `Line id "${lineId}" is already used by node ${first}`,
      nodeId,
      field: 'lineId',
    });
  }
}

const emptyText = (nodeId: string, field: string, what: string): DialogueProblem => ({
  severity: 'warning',
  code: 'empty_text',
  message: `${what} is empty`,
  nodeId,
  field,
});

/** Reports the second and later uses of an id within one node's list. */
function checkUniqueIds(items: readonly { id: string }[], list: string, nodeId: string, ctx: NodeRuleContext): void {
  if (items.length < 2) return;
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      ctx.report({
        severity: 'error',
        code: 'duplicate_id',
        message: `Id "${item.id}" is used twice in ${list}`,
        nodeId,
        field: `${list}[${i}].id`,
      });
    }
    seen.add(item.id);
  });
}

/** Empty option texts, and options that read the same as an earlier one (ignoring case and spacing). */
function checkOptionTexts(options: readonly { text: string }[], nodeId: string, ctx: NodeRuleContext): void {
  const seen = new Map<string, number>();
  options.forEach((option, i) => {
    if (isBlank(option.text)) {
      ctx.report(emptyText(nodeId, `options[${i}].text`, `Option ${i + 1}'s text`));
      return;
    }
    const key = normalize(option.text);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      ctx.report({
        severity: 'warning',
        code: 'duplicate_choice_text',
        message: `Option ${i + 1} reads the same as option ${first + 1}: "${option.text.trim()}"`,
        nodeId,
        field: `options[${i}].text`,
      });
    }
  });
}

function checkAction(action: DialogueAction, nodeId: string, field: string, ctx: NodeRuleContext): void {
  checkActionReferences(action, nodeId, field, ctx.refs, ctx.report);
  if (action.type === 'setVariable') {
    const declared = ctx.variables.get(action.variable);
    if (!declared) {
      ctx.report({
        severity: 'error',
        code: 'undeclared_variable',
        message: `Variable $${action.variable} is not declared`,
        nodeId,
        field: `${field}.variable`,
      });
    } else if (action.operator !== '=' && declared !== 'number') {
      ctx.report({
        severity: 'error',
        code: 'type_mismatch',
        message: `'${action.operator}' needs a number variable; $${action.variable} is a ${declared}`,
        nodeId,
        field: `${field}.operator`,
      });
    } else if (typeOfValue(action.value) !== declared) {
      ctx.report({
        severity: 'error',
        code: 'type_mismatch',
        message: `$${action.variable} is a ${declared} but the value is a ${typeOfValue(action.value)}`,
        nodeId,
        field: `${field}.value`,
      });
    }
  }
}

/** The checks that look at one node alone: texts, ids, conditions, actions, jump targets. */
export function checkNode(node: DialogueNode, ctx: NodeRuleContext): void {
  const nodeId = node.id;
  switch (node.kind) {
    case 'line':
      if (isBlank(node.text)) ctx.report(emptyText(nodeId, 'text', 'Line text'));
      checkLineId(node.lineId, nodeId, ctx);
      break;
    case 'aiLine':
      if (isBlank(node.instruction)) ctx.report(emptyText(nodeId, 'instruction', 'AI line instruction'));
      if (isBlank(node.fallbackText)) ctx.report(emptyText(nodeId, 'fallbackText', 'AI line fallback text'));
      checkLineId(node.lineId, nodeId, ctx);
      break;
    case 'choice':
      if (node.options.length === 0) {
        ctx.report({ severity: 'error', code: 'empty_choice', message: 'Choice has no options', nodeId, field: 'options' });
      }
      checkUniqueIds(node.options, 'options', nodeId, ctx);
      checkOptionTexts(node.options, nodeId, ctx);
      node.options.forEach((option, i) => {
        if (option.condition !== undefined && !isBlank(option.condition)) checkConditionField(option.condition, nodeId, 'options', i, ctx);
      });
      break;
    case 'branch':
      if (node.branches.length === 0) {
        ctx.report({
          severity: 'warning',
          code: 'empty_branch',
          message: 'Condition branch has no conditions; it always takes "else"',
          nodeId,
          field: 'branches',
        });
      }
      checkUniqueIds(node.branches, 'branches', nodeId, ctx);
      node.branches.forEach((branch, i) => checkConditionField(branch.condition, nodeId, 'branches', i, ctx));
      break;
    case 'action':
      node.actions.forEach((action, i) => checkAction(action, nodeId, `actions[${i}]`, ctx));
      break;
    case 'jump':
      if (node.dialogueId !== undefined && ctx.refs.dialogueExists && !ctx.refs.dialogueExists(node.dialogueId)) {
        ctx.report({
          severity: 'error',
          code: 'unknown_dialogue',
          message: `Jump to dialogue "${node.dialogueId}", which does not exist`,
          nodeId,
          field: 'dialogueId',
        });
      }
      break;
    case 'end':
      break;
  }
}

/** Declared variables by name, reporting names declared twice. */
export function declaredVariables(dialogue: Dialogue, report: (problem: DialogueProblem) => void): Map<string, ValueType> {
  const variables = new Map<string, ValueType>();
  dialogue.variables.forEach((variable, i) => {
    if (variables.has(variable.name)) {
      report({
        severity: 'error',
        code: 'duplicate_variable',
        message: `Variable $${variable.name} is declared twice`,
        field: `variables[${i}].name`,
      });
    } else variables.set(variable.name, variable.type);
  });
  return variables;
}
