import type { DialogueAction, VariableDeclaration } from './dialogue-schema';
import { typeOfValue } from './expression';

type SetVariableAction = Extract<DialogueAction, { type: 'setVariable' }>;

/** The value a new set-variable action starts from, by the variable's stored type. */
const BLANK_VALUES: Record<'bool' | 'number' | 'string', SetVariableAction['value']> = { bool: false, number: 0, string: '' };

/** Whether `action`'s value can be set on `variable`: a value of its type, or an expression (checked by validation). */
function fits(action: SetVariableAction, variable: VariableDeclaration): boolean {
  if (variable.type === 'smart') return false;
  if (action.expression !== undefined) return true;
  return variable.type !== 'enum' && typeOfValue(action.value) === variable.type;
}

/**
 * A set-variable action for `variable`: kept as it is when it already fits the variable,
 * otherwise `=` the type's blank value (false, 0 or ""), or for an enum variable its
 * default case by name (`Food.Apple`), so a number variable never starts as `true` and the
 * runtime never refuses the action. A smart variable cannot be set; validation says so.
 */
export function setVariableAction(variable: VariableDeclaration | undefined, previous?: SetVariableAction): SetVariableAction {
  const name = variable?.name ?? previous?.variable ?? 'flag';
  if (previous && (variable === undefined || fits(previous, variable))) return { ...previous, variable: name };
  const fresh: SetVariableAction = { type: 'setVariable', variable: name, operator: '=', value: false };
  if (variable?.type === 'enum') return { ...fresh, value: '', expression: `${variable.enum}.${variable.default}` };
  if (variable?.type === 'bool' || variable?.type === 'number' || variable?.type === 'string')
    return { ...fresh, value: BLANK_VALUES[variable.type] };
  return fresh;
}
