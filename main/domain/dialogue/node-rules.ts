import type { DialogueProblem, DialogueProblemCode } from './dialogue-problem';
import type { Dialogue, DialogueAction, DialogueNode, NodeOfKind } from './dialogue-schema';
import type { ValueType } from './expression/ast';
import { typeOfValue } from './expression/ast';
import { checkActionReferences, checkConditionReferences, type DialogueReferences } from './reference-rules';
import type { CheckedText, ValidationLanguage } from './validation-language';

export interface NodeRuleContext {
  /** Each declared variable's kind: its value type, `enum` (with the enum's name) or `smart`. */
  readonly variables: ReadonlyMap<string, DeclaredKind>;
  /** Line id → first node that used it. */
  readonly lineIds: Map<string, string>;
  /** Section title → first section node that has it. */
  readonly sectionTitles: Map<string, string>;
  /** The dialogue's expressions and templates, each distinct text checked once. */
  readonly language: ValidationLanguage;
  readonly refs: DialogueReferences;
  readonly nodeExists: (id: string) => boolean;
  readonly report: (problem: DialogueProblem) => void;
}

const isBlank = (text: string) => !/\S/.test(text);
const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Reports the problems the language found in the text of `field`, and what the parsed expression names that the project lacks. */
function reportChecked(checked: CheckedText, nodeId: string, field: string, ctx: NodeRuleContext): void {
  for (const problem of checked.problems) {
    ctx.report({ severity: 'error', code: problem.code, message: problem.message, nodeId, field, span: problem.span });
  }
  for (const ast of checked.expressions) checkConditionReferences(ast, nodeId, field, ctx.nodeExists, ctx.refs, ctx.report);
}

const checkConditionField = (source: string, nodeId: string, field: string, ctx: NodeRuleContext) =>
  reportChecked(ctx.language.condition(source), nodeId, field, ctx);
const checkTextField = (source: string, nodeId: string, field: string, ctx: NodeRuleContext) =>
  reportChecked(ctx.language.text(source), nodeId, field, ctx);

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

/** The value or expression a set-variable action gives must fit the variable; smart variables cannot be set. */
function checkSetVariable(
  action: Extract<DialogueAction, { type: 'setVariable' }>,
  nodeId: string,
  field: string,
  ctx: NodeRuleContext,
): void {
  const declared = ctx.variables.get(action.variable);
  const at = (suffix: string, code: DialogueProblemCode, message: string) =>
    ctx.report({ severity: 'error', code, message, nodeId, field: `${field}.${suffix}` });
  if (!declared) return at('variable', 'undeclared_variable', `Variable $${action.variable} is not declared`);
  if (declared.type === 'smart') return at('variable', 'smart_variable_set', `$${action.variable} is a smart variable; it cannot be set`);
  const appends = action.operator === '+=' && declared.type === 'string';
  if (action.operator !== '=' && declared.type !== 'number' && !appends) {
    return at('operator', 'type_mismatch', `'${action.operator}' needs a number variable; $${action.variable} is a ${declared.type}`);
  }
  if (action.expression !== undefined) {
    reportChecked(ctx.language.expression(action.expression, declared), nodeId, `${field}.expression`, ctx);
  } else if (declared.type === 'enum') {
    if (typeof action.value === 'boolean' || !declared.values.includes(action.value)) {
      at('value', 'type_mismatch', `$${action.variable} holds a case of ${declared.enum}; ${JSON.stringify(action.value)} is none of them`);
    }
  } else if (typeOfValue(action.value) !== declared.type) {
    at('value', 'type_mismatch', `$${action.variable} is a ${declared.type} but the value is a ${typeOfValue(action.value)}`);
  }
}

function checkAction(action: DialogueAction, nodeId: string, field: string, ctx: NodeRuleContext): void {
  checkActionReferences(action, nodeId, field, ctx.refs, ctx.report);
  switch (action.type) {
    case 'setVariable':
      checkSetVariable(action, nodeId, field, ctx);
      break;
    case 'call':
      reportChecked(ctx.language.call(action.expression), nodeId, `${field}.expression`, ctx);
      break;
    case 'commandText':
      if (isBlank(action.text)) ctx.report(emptyText(nodeId, `${field}.text`, 'Command text'));
      else checkTextField(action.text, nodeId, `${field}.text`, ctx);
      break;
  }
}

/** A jump's or detour's target: the other dialogue exists, and an expression gives a node id (a string). */
function checkTarget(node: NodeOfKind<'jump' | 'detour'>, ctx: NodeRuleContext): void {
  if (node.dialogueId !== undefined && ctx.refs.dialogueExists && !ctx.refs.dialogueExists(node.dialogueId)) {
    ctx.report({
      severity: 'error',
      code: 'unknown_dialogue',
      message: `${node.kind === 'jump' ? 'Jump' : 'Detour'} to dialogue "${node.dialogueId}", which does not exist`,
      nodeId: node.id,
      field: 'dialogueId',
    });
  }
  if (node.expression !== undefined)
    reportChecked(ctx.language.expression(node.expression, { type: 'string' }), node.id, 'expression', ctx);
}

/** Section titles name sections in visits and in imported and exported scripts, so two sections cannot share one. */
function checkSectionTitle(node: NodeOfKind<'section'>, ctx: NodeRuleContext): void {
  const title = node.title.trim();
  if (!title) return ctx.report(emptyText(node.id, 'title', 'Section title'));
  const first = ctx.sectionTitles.get(title);
  if (first === undefined) ctx.sectionTitles.set(title, node.id);
  else {
    ctx.report({
      severity: 'error',
      code: 'duplicate_section_title',
      message: `Section title "${title}" is already used by node ${first}`,
      nodeId: node.id,
      field: 'title',
    });
  }
}

/** The checks that look at one node alone: texts, ids, conditions, expressions, actions, targets. */
export function checkNode(node: DialogueNode, ctx: NodeRuleContext): void {
  const nodeId = node.id;
  switch (node.kind) {
    case 'line':
      if (isBlank(node.text)) ctx.report(emptyText(nodeId, 'text', 'Line text'));
      else checkTextField(node.text, nodeId, 'text', ctx);
      if (node.condition !== undefined && !isBlank(node.condition)) checkConditionField(node.condition, nodeId, 'condition', ctx);
      checkLineId(node.lineId, nodeId, ctx);
      break;
    case 'aiLine':
      if (isBlank(node.instruction)) ctx.report(emptyText(nodeId, 'instruction', 'AI line instruction'));
      if (isBlank(node.fallbackText)) ctx.report(emptyText(nodeId, 'fallbackText', 'AI line fallback text'));
      else checkTextField(node.fallbackText, nodeId, 'fallbackText', ctx);
      checkLineId(node.lineId, nodeId, ctx);
      break;
    case 'choice':
      if (node.options.length === 0) {
        ctx.report({ severity: 'error', code: 'empty_choice', message: 'Choice has no options', nodeId, field: 'options' });
      }
      checkUniqueIds(node.options, 'options', nodeId, ctx);
      checkOptionTexts(node.options, nodeId, ctx);
      node.options.forEach((option, i) => {
        if (!isBlank(option.text)) checkTextField(option.text, nodeId, `options[${i}].text`, ctx);
        if (option.condition !== undefined && !isBlank(option.condition)) {
          checkConditionField(option.condition, nodeId, `options[${i}].condition`, ctx);
        }
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
      node.branches.forEach((branch, i) => checkConditionField(branch.condition, nodeId, `branches[${i}].condition`, ctx));
      break;
    case 'group':
      if (node.candidates.length === 0) {
        ctx.report({
          severity: 'warning',
          code: 'empty_group',
          message: 'Group has no candidates; it always takes "else"',
          nodeId,
          field: 'candidates',
        });
      }
      checkUniqueIds(node.candidates, 'candidates', nodeId, ctx);
      node.candidates.forEach((candidate, i) => {
        if (candidate.condition !== undefined && !isBlank(candidate.condition)) {
          checkConditionField(candidate.condition, nodeId, `candidates[${i}].condition`, ctx);
        }
      });
      break;
    case 'action':
      node.actions.forEach((action, i) => checkAction(action, nodeId, `actions[${i}]`, ctx));
      break;
    case 'jump':
    case 'detour':
      checkTarget(node, ctx);
      break;
    case 'section':
      checkSectionTitle(node, ctx);
      break;
    case 'return':
    case 'end':
      break;
  }
}

/** What validation knows of a declared variable: its stored type, an enum's name and raw case values, or that it is smart. */
export type DeclaredKind = { type: ValueType } | { type: 'enum'; enum: string; values: readonly (number | string)[] } | { type: 'smart' };

/** Declared variables by name, reporting names declared twice and enum variables whose enum or default case does not exist. */
export function declaredVariables(dialogue: Dialogue, report: (problem: DialogueProblem) => void): Map<string, DeclaredKind> {
  const enums = new Map((dialogue.enums ?? []).map((e) => [e.name, e]));
  const variables = new Map<string, DeclaredKind>();
  dialogue.variables.forEach((variable, i) => {
    if (variables.has(variable.name)) {
      report({
        severity: 'error',
        code: 'duplicate_variable',
        message: `Variable $${variable.name} is declared twice`,
        field: `variables[${i}].name`,
      });
      return;
    }
    if (variable.type !== 'enum') {
      variables.set(variable.name, { type: variable.type });
      return;
    }
    const declared = enums.get(variable.enum);
    if (!declared) {
      report({ severity: 'error', code: 'unknown_enum', message: `Enum ${variable.enum} is not declared`, field: `variables[${i}].enum` });
    } else if (!declared.cases.some((c) => c.name === variable.default)) {
      report({
        severity: 'error',
        code: 'unknown_enum',
        message: `Enum ${variable.enum} has no case ${variable.default}`,
        field: `variables[${i}].default`,
      });
    }
    variables.set(variable.name, {
      type: 'enum',
      enum: variable.enum,
      values: (declared?.cases ?? []).map((c) => c.value ?? c.name),
    });
  });
  return variables;
}
