import type { DialogueAction, VariableDeclaration } from './dialogue-schema';
import { typeOfValue } from './expression';

type SetVariableAction = Extract<DialogueAction, { type: 'setVariable' }>;

/** The value a new set-variable action starts from, by the variable's type. */
const BLANK_VALUES: Record<VariableDeclaration['type'], SetVariableAction['value']> = { bool: false, number: 0, string: '' };

/**
 * A set-variable action for `variable`: kept as it is when its value already fits the
 * variable's type, otherwise `=` the type's blank value (false, 0 or ""), so a number
 * variable never starts as `true` and the runtime never refuses the action.
 */
export function setVariableAction(variable: VariableDeclaration | undefined, previous?: SetVariableAction): SetVariableAction {
  const name = variable?.name ?? previous?.variable ?? 'flag';
  if (previous && (variable === undefined || typeOfValue(previous.value) === variable.type)) return { ...previous, variable: name };
  return { type: 'setVariable', variable: name, operator: '=', value: variable ? BLANK_VALUES[variable.type] : false };
}
