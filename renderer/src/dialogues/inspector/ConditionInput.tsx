import { LanguageField } from '../language/LanguageField';

interface ConditionInputProps {
  label: string;
  value: string;
  optional?: boolean;
  /** Where validation reports this condition, so its findings (beyond what typing checks) show here too. */
  problemAt: { nodeId: string; field: string };
  onChange(value: string): void;
}

/** A condition field checked as it is typed, with variable and enum-case suggestions: parse errors, unknown variables and wrong types show under it. */
export function ConditionInput({ label, value, optional, problemAt, onChange }: ConditionInputProps) {
  return (
    <LanguageField
      language="condition"
      label={label}
      placeholder={optional ? 'Always (e.g. $gold >= 10)' : '$gold >= 10 and not $met_king'}
      optional={optional}
      problemAt={problemAt}
      value={value}
      onChange={onChange}
    />
  );
}
