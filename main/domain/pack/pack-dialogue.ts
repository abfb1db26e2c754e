import type { Dialogue, DialogueAction, DialogueNode, VariableDeclaration } from '../dialogue/dialogue-schema';
import { enumOfType, type ExprType } from '../dialogue/expression/ast';
import { checkExpression } from '../dialogue/expression/condition';
import { enumCaseValue } from '../dialogue/expression/enum-cases';
import { expressionContext } from '../dialogue/expression/expression-context';
import type { ExpressionContext } from '../dialogue/expression/typecheck';
import { parseTemplate } from '../dialogue/text/parse-template';
import { toPackTemplate } from '../dialogue/text/pack-template';
import { hasTemplateSyntax } from '../dialogue/text/template-escapes';
import { defined } from './defined-fields';
import { toPackExpr, UnresolvedEnumCase } from './expression-tree';
import type { PackProblem } from './pack-problem';
import type { PackAction, PackCondition, PackDialogue, PackEnum, PackNode, PackVariable } from './pack-schema';
import type { PackTextPart } from './pack-text';

export type Report = (problem: Omit<PackProblem, 'itemKind' | 'itemId' | 'itemName'>) => void;

/** How one dialogue's expressions and templates become pack trees and parts, reporting what does not parse. */
interface PackLanguage {
  /**
   * A condition or expression as `{source, ast}`, enum cases lowered to their values (a lone
   * `.Case` resolved by `expected`, the type it must have); one that does not parse is
   * reported and becomes `false`.
   */
  expression(source: string, nodeId: string | undefined, field: string, expected?: ExprType): PackCondition;
  /** `{ template }` when the text has template syntax, else nothing (the text alone renders as it is). */
  template(text: string, nodeId: string, field: string): { template?: PackTextPart[] };
}

function packLanguage(context: ExpressionContext, report: Report): PackLanguage {
  return {
    expression(source, nodeId, field, expected) {
      const checked = checkExpression(source, context, expected);
      let error = checked.ast ? undefined : checked.problems[0].message;
      if (checked.ast) {
        try {
          return { source, ast: toPackExpr(checked.ast, context.enums) };
        } catch (thrown) {
          if (!(thrown instanceof UnresolvedEnumCase)) throw thrown;
          error = thrown.message;
        }
      }
      report({ severity: 'error', code: 'invalid_condition', message: error!, nodeId, field });
      return { source: source || 'false', ast: { type: 'literal', value: false } };
    },
    template(text, nodeId, field) {
      if (!hasTemplateSyntax(text)) return {};
      const parsed = parseTemplate(text);
      let error = parsed.ok ? undefined : parsed.error.message;
      if (parsed.ok) {
        try {
          return { template: toPackTemplate(parsed.parts, context.enums) };
        } catch (thrown) {
          if (!(thrown instanceof UnresolvedEnumCase)) throw thrown;
          error = thrown.message;
        }
      }
      report({ severity: 'error', code: 'invalid_template', message: error!, nodeId, field });
      return {};
    },
  };
}

function toPackAction(
  action: DialogueAction,
  nodeId: string,
  field: string,
  language: PackLanguage,
  context: ExpressionContext,
): PackAction {
  switch (action.type) {
    case 'setVariable': {
      const expected = context.variables.get(action.variable);
      return defined({
        ...action,
        expression:
          action.expression === undefined ? undefined : language.expression(action.expression, nodeId, `${field}.expression`, expected),
      });
    }
    case 'call':
      return { type: 'call', expression: language.expression(action.expression, nodeId, `${field}.expression`) };
    case 'commandText':
      return { type: 'commandText', text: action.text, ...language.template(action.text, nodeId, `${field}.text`) };
    default:
      return action;
  }
}

/** A node as the pack carries it: conditions and expressions as trees beside their source, texts with their template parts. */
function toPackNode(node: DialogueNode, language: PackLanguage, context: ExpressionContext): PackNode {
  const id = node.id;
  const optional = (source: string | undefined, field: string) => {
    const text = source?.trim();
    return text ? language.expression(text, id, field, 'bool') : undefined;
  };
  switch (node.kind) {
    case 'line':
      return defined({ ...node, ...language.template(node.text, id, 'text'), condition: optional(node.condition, 'condition') });
    case 'aiLine':
      return defined({ ...node, ...language.template(node.fallbackText, id, 'fallbackText') });
    case 'choice':
      return defined({
        ...node,
        options: node.options.map((option, i) =>
          defined({
            ...option,
            ...language.template(option.text, id, `options[${i}].text`),
            condition: optional(option.condition, `options[${i}].condition`),
          }),
        ),
      });
    case 'branch':
      return defined({
        ...node,
        branches: node.branches.map((branch, i) =>
          defined({ ...branch, condition: language.expression(branch.condition, id, `branches[${i}].condition`, 'bool') }),
        ),
      });
    case 'group':
      return defined({
        ...node,
        candidates: node.candidates.map((candidate, i) =>
          defined({ ...candidate, condition: optional(candidate.condition, `candidates[${i}].condition`) }),
        ),
      });
    case 'jump':
    case 'detour':
      return defined({
        ...node,
        expression: node.expression === undefined ? undefined : language.expression(node.expression, id, 'expression', 'string'),
      });
    case 'action':
      return { ...node, actions: node.actions.map((action, i) => toPackAction(action, id, `actions[${i}]`, language, context)) };
    default:
      return defined(node);
  }
}

/** Enums with every case's value resolved: a case declared without one is its own name. */
const toPackEnums = (dialogue: Dialogue): PackEnum[] | undefined =>
  dialogue.enums?.map((e) => ({ name: e.name, cases: e.cases.map((c) => ({ name: c.name, value: enumCaseValue(c) })) }));

/** A smart variable's type as packs name it: an enum-typed one by its cases' raw type. */
function valueTypeOf(type: ExprType | undefined, context: ExpressionContext): 'bool' | 'number' | 'string' {
  const enumName = enumOfType(type);
  if (enumName === undefined) return (type ?? 'bool') as 'bool' | 'number' | 'string';
  const first = context.enums.get(enumName)?.cases[0];
  return first && typeof enumCaseValue(first) === 'number' ? 'number' : 'string';
}

function toPackVariable(
  variable: VariableDeclaration,
  dialogue: Dialogue,
  language: PackLanguage,
  context: ExpressionContext,
  index: number,
): PackVariable {
  switch (variable.type) {
    case 'enum': {
      const found = dialogue.enums?.find((e) => e.name === variable.enum)?.cases.find((c) => c.name === variable.default);
      return { name: variable.name, type: 'enum', enum: variable.enum, default: found ? enumCaseValue(found) : variable.default };
    }
    case 'smart':
      return {
        name: variable.name,
        type: 'smart',
        valueType: valueTypeOf(context.variables.get(variable.name), context),
        expression: language.expression(variable.expression, undefined, `variables[${index}].expression`),
      };
    default:
      return { name: variable.name, type: variable.type, default: variable.default } as PackVariable;
  }
}

/** A dialogue as the pack carries it; what does not parse is reported through `report`. */
export function toPackDialogue(dialogue: Dialogue, report: Report): PackDialogue {
  const { context } = expressionContext(dialogue);
  const language = packLanguage(context, report);
  const nodes: Record<string, PackNode> = {};
  for (const [id, node] of Object.entries(dialogue.nodes)) nodes[id] = toPackNode(node, language, context);
  return defined({
    id: dialogue.id,
    name: dialogue.name,
    npcId: dialogue.npcId,
    notes: dialogue.notes || undefined,
    enums: toPackEnums(dialogue),
    variables: dialogue.variables.map((variable, i) => toPackVariable(variable, dialogue, language, context, i)),
    saliency: dialogue.saliency,
    startNodeId: dialogue.startNodeId,
    nodes,
  });
}
