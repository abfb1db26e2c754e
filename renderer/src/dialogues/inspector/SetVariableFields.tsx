import { Group, Select, Stack, Switch } from '@mantine/core';
import {
  enumType,
  setVariableAction,
  type DialogueAction,
  type EnumDeclaration,
  type ExprType,
  type VariableDeclaration,
} from '../../../../main/domain/dialogue';
import { useEditor } from '../editor-context';
import { LanguageField } from '../language/LanguageField';
import { withOptional } from '../with-optional';
import { MonoField } from './MonoField';
import { parseScalar } from './parse-scalar';

type SetVariable = Extract<DialogueAction, { type: 'setVariable' }>;

const NO_ENUMS: EnumDeclaration[] = [];

/** The fixed value as an expression, so turning "as expression" on starts from what was there (`"text"`, `3`, `Food.Apple`). */
function valueAsExpression(value: SetVariable['value'], declaration: VariableDeclaration | undefined): string {
  if (declaration?.type === 'enum' && typeof value === 'string') return `${declaration.enum}.${value}`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The type a value expression must have: the variable's, an enum variable's being its enum. */
const expectedType = (declaration: VariableDeclaration): ExprType | undefined =>
  declaration.type === 'enum' ? enumType(declaration.enum) : declaration.type === 'smart' ? undefined : declaration.type;

interface SetVariableFieldsProps {
  action: SetVariable;
  /** Where the action sits (`actions[i]` of its node), so the expression's findings show under it. */
  at: { nodeId: string; field: string };
  onChange(action: SetVariable): void;
}

/**
 * Which variable, how (`=`, `+=`, `-=`) and to what: a fixed value (an enum variable's case
 * picked from its enum) or, with "as expression", an expression evaluated when the action
 * runs (`$gold * 2`). Smart variables are computed, so they are not offered.
 */
export function SetVariableFields({ action, at, onChange }: SetVariableFieldsProps) {
  const variables = useEditor((s) => s.dialogue.variables);
  const enums = useEditor((s) => s.dialogue.enums ?? NO_ENUMS);
  const declaration = variables.find((v) => v.name === action.variable);
  const cases = declaration?.type === 'enum' ? (enums.find((e) => e.name === declaration.enum)?.cases ?? []) : undefined;
  const asExpression = action.expression !== undefined;
  return (
    <Stack gap={6}>
      <Group gap={6} grow wrap="nowrap" align="flex-start">
        <Select
          size="xs"
          aria-label="Variable"
          data={variables.filter((v) => v.type !== 'smart').map((v) => v.name)}
          value={action.variable}
          onChange={(v) =>
            v &&
            onChange(
              setVariableAction(
                variables.find((d) => d.name === v),
                action,
              ),
            )
          }
          searchable
        />
        <Select
          size="xs"
          aria-label="Operator"
          data={['=', '+=', '-=']}
          value={action.operator}
          onChange={(op) => op && onChange({ ...action, operator: op as SetVariable['operator'] })}
          maw={70}
        />
        {!asExpression &&
          (cases ? (
            <Select
              size="xs"
              aria-label="Value"
              data={cases.map((c) => c.name)}
              value={String(action.value)}
              allowDeselect={false}
              onChange={(name) => name && onChange({ ...action, value: name })}
            />
          ) : (
            <MonoField
              aria-label="Value"
              value={String(action.value)}
              onChange={(text) => onChange({ ...action, value: parseScalar(text) })}
            />
          ))}
      </Group>
      {asExpression && (
        <LanguageField
          language="expression"
          expected={declaration && expectedType(declaration)}
          aria-label="Value expression"
          placeholder="$gold * 2"
          problemAt={{ nodeId: at.nodeId, field: `${at.field}.expression` }}
          value={action.expression ?? ''}
          onChange={(expression) => onChange({ ...action, expression })}
        />
      )}
      <Switch
        size="xs"
        label="Value as expression"
        checked={asExpression}
        onChange={(e) =>
          onChange(withOptional(action, 'expression', e.currentTarget.checked ? valueAsExpression(action.value, declaration) : undefined))
        }
      />
    </Stack>
  );
}
