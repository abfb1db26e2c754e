import { checkCondition, type DeclaredVariables } from '../../../../main/domain/dialogue';
import { MonoField } from './MonoField';

interface ConditionInputProps {
  label: string;
  value: string;
  variables: DeclaredVariables;
  optional?: boolean;
  onChange(value: string): void;
}

/** A condition field checked as it is typed: parse errors, unknown variables and wrong types show under it. */
export function ConditionInput({ label, value, variables, optional, onChange }: ConditionInputProps) {
  const problem = value.trim() || !optional ? checkCondition(value, variables).problems[0] : undefined;
  return (
    <MonoField
      label={label}
      placeholder={optional ? 'Always (e.g. $gold >= 10)' : '$gold >= 10 and not $met_king'}
      value={value}
      onChange={onChange}
      error={problem?.message}
      spellCheck={false}
    />
  );
}
