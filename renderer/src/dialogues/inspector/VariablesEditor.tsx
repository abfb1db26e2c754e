import { Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import type { EnumDeclaration, VariableDeclaration } from '../../../../main/domain/dialogue';
import { useEditor, useEditorStore } from '../editor-context';
import { LanguageField } from '../language/LanguageField';
import { DeclarationProblem } from './DeclarationProblem';
import { EditableList } from './EditableList';
import { MonoField } from './MonoField';

const NO_ENUMS: EnumDeclaration[] = [];
const ENUM_PREFIX = 'enum:';

/** The type picker's value: `bool`, `number`, `string`, `smart`, or `enum:<name>` for a variable holding that enum. */
const typeKey = (variable: VariableDeclaration) => (variable.type === 'enum' ? `${ENUM_PREFIX}${variable.enum}` : variable.type);

/** The declaration under a new type picked by its key, with that type's starting default (an enum's first case, a smart `true`). */
function retype(variable: VariableDeclaration, key: string, enums: readonly EnumDeclaration[]): VariableDeclaration {
  const { name, description } = variable;
  const base = description === undefined ? { name } : { name, description };
  if (key.startsWith(ENUM_PREFIX)) {
    const declaration = enums.find((e) => `${ENUM_PREFIX}${e.name}` === key);
    return {
      ...base,
      type: 'enum',
      enum: declaration?.name ?? key.slice(ENUM_PREFIX.length),
      default: declaration?.cases[0]?.name ?? 'None',
    };
  }
  if (key === 'number') return { ...base, type: 'number', default: 0 };
  if (key === 'string') return { ...base, type: 'string', default: '' };
  if (key === 'smart') return { ...base, type: 'smart', expression: 'true' };
  return { ...base, type: 'bool', default: false };
}

function DefaultInput({ variable, onChange }: { variable: VariableDeclaration; onChange(v: VariableDeclaration): void }) {
  const enums = useEditor((s) => s.dialogue.enums ?? NO_ENUMS);
  switch (variable.type) {
    case 'bool':
      return (
        <Switch
          size="xs"
          label="Starts true"
          checked={variable.default}
          onChange={(e) => onChange({ ...variable, default: e.currentTarget.checked })}
          mt={6}
        />
      );
    case 'enum':
      return (
        <Select
          size="xs"
          aria-label={`Default of ${variable.name}`}
          data={enums.find((e) => e.name === variable.enum)?.cases.map((c) => c.name) ?? []}
          value={variable.default}
          allowDeselect={false}
          onChange={(name) => name && onChange({ ...variable, default: name })}
          error={enums.some((e) => e.name === variable.enum) ? undefined : `No enum ${variable.enum}`}
        />
      );
    case 'smart':
      return null;
    default:
      return (
        <TextInput
          size="xs"
          aria-label={`Default of ${variable.name}`}
          placeholder="Default"
          value={String(variable.default)}
          onChange={(e) => {
            const text = e.currentTarget.value;
            if (variable.type === 'string') onChange({ ...variable, default: text });
            else if (Number.isFinite(Number(text))) onChange({ ...variable, default: Number(text) });
          }}
        />
      );
  }
}

/**
 * The dialogue's declared variables: what conditions, text and actions may use, with types
 * and defaults. A variable may hold one of the dialogue's enums, or be smart: an expression
 * computed each time it is read, which actions cannot set.
 */
export function VariablesEditor() {
  const store = useEditorStore();
  const variables = useEditor((s) => s.dialogue.variables);
  const enums = useEditor((s) => s.dialogue.enums ?? NO_ENUMS);
  const types = [
    { value: 'bool', label: 'bool' },
    { value: 'number', label: 'number' },
    { value: 'string', label: 'string' },
    ...enums.map((e) => ({ value: `${ENUM_PREFIX}${e.name}`, label: e.name })),
    { value: 'smart', label: 'smart' },
  ];
  const set = (next: VariableDeclaration[], key: string) =>
    store.getState().run('setHeader', { fields: { variables: next }, label: 'Edit variables' }, { coalesce: `variables:${key}` });
  return (
    <Stack gap="xs">
      <EditableList
        items={variables}
        itemKey={(_, i) => i}
        itemTitle={(variable) => `$${variable.name}`}
        onChange={set}
        addLabel="Add variable"
        newItem={(): VariableDeclaration => {
          const taken = new Set(variables.map((v) => v.name));
          let n = variables.length + 1;
          while (taken.has(`var${n}`)) n++;
          return { name: `var${n}`, type: 'bool', default: false };
        }}
      >
        {(variable, i, replace) => (
          <Stack gap={6}>
            <Group gap={6} grow wrap="nowrap" align="flex-start">
              <MonoField
                aria-label="Variable name"
                value={variable.name}
                onChange={(text) => {
                  // Only names the schema accepts are stored; the field refuses the rest as they are typed.
                  const name = text.replace(/[^A-Za-z0-9_]/g, '').slice(0, 64);
                  if (/^[A-Za-z_]/.test(name)) replace({ ...variable, name }, 'name');
                }}
              />
              <Select
                size="xs"
                aria-label="Variable type"
                data={types}
                value={typeKey(variable)}
                allowDeselect={false}
                onChange={(key) => key && replace(retype(variable, key, enums), 'type')}
              />
              {variable.type !== 'smart' && <DefaultInput variable={variable} onChange={(v) => replace(v, 'default')} />}
            </Group>
            <DeclarationProblem fields={[`variables[${i}].name`, `variables[${i}].enum`, `variables[${i}].default`]} />
            {variable.type === 'smart' && (
              <LanguageField
                language="expression"
                aria-label={`Expression of ${variable.name}`}
                description="Computed each time it is read"
                placeholder="$gold >= 10 and $reputation > 2"
                problemAt={{ field: `variables[${i}].expression` }}
                value={variable.expression}
                onChange={(expression) => replace({ ...variable, expression }, 'expression')}
              />
            )}
          </Stack>
        )}
      </EditableList>
    </Stack>
  );
}
