import type { DialogueProblem, DialogueProblemCode } from './dialogue-problem';
import type { Dialogue, DialogueAction, DialogueNode, NodeOfKind, VariableDeclaration } from './dialogue-schema';
import { enumType, typeOfValue } from './expression/ast';
import { enumCaseValue, type DeclaredEnum } from './expression/enum-cases';
import { describeType } from './expression/typecheck';
import { checkActionReferences, checkConditionReferences, type DialogueReferences } from './reference-rules';
import type { CheckedText, ValidationLanguage } from './validation-language';

export interface NodeRuleContext {
  /** The first declaration of each variable name. */
  readonly variables: ReadonlyMap<string, VariableDeclaration>;
  /** The enums the dialogue declares, for the values an enum variable can be set to. */
  readonly enums: ReadonlyMap<string, DeclaredEnum>;
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
  const type = declared.type === 'enum' ? enumType(declared.enum) : declared.type;
  const appends = action.operator === '+=' && type === 'string';
  if (action.operator !== '=' && type !== 'number' && !appends) {
    return at('operator', 'type_mismatch', `'${action.operator}' needs a number variable; $${action.variable} is ${describeType(type)}`);
  }
  if (action.expression !== undefined) {
    reportChecked(ctx.language.expression(action.expression, type), nodeId, `${field}.expression`, ctx);
  } else if (declared.type === 'enum') {
    const values = (ctx.enums.get(declared.enum)?.cases ?? []).map(enumCaseValue);
    if (typeof action.value === 'boolean' || !values.includes(action.value)) {
      at('value', 'type_mismatch', `$${action.variable} holds a case of ${declared.enum}; ${JSON.stringify(action.value)} is none of them`);
    }
  } else if (typeOfValue(action.value) !== type) {
    at('value', 'type_mismatch', `$${action.variable} is a ${type} but the value is a ${typeOfValue(action.value)}`);
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
  if (node.expression === undefined) return;
  const checked = ctx.language.expression(node.expression, 'string');
  reportChecked(checked, node.id, 'expression', ctx);
  const [target] = checked.expressions;
  // A target written as a plain string names a node that must exist, like a target by id.
  if (node.dialogueId === undefined && target?.type === 'literal' && typeof target.value === 'string' && !ctx.nodeExists(target.value)) {
    ctx.report({
      severity: 'error',
      code: 'dangling_target',
      message: `${node.kind === 'jump' ? 'Jump' : 'Detour'} target "${target.value}" does not exist`,
      nodeId: node.id,
      field: 'expression',
      span: target.span,
    });
  }
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

/** Declared variables by name (the first of each), reporting names declared twice. */
export function declaredVariables(dialogue: Dialogue, report: (problem: DialogueProblem) => void): Map<string, VariableDeclaration> {
  const variables = new Map<string, VariableDeclaration>();
  dialogue.variables.forEach((variable, i) => {
    if (!variables.has(variable.name)) variables.set(variable.name, variable);
    else {
      report({
        severity: 'error',
        code: 'duplicate_variable',
        message: `Variable $${variable.name} is declared twice`,
        field: `variables[${i}].name`,
      });
    }
  });
  return variables;
}
