import { Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import type { VariableDeclaration } from '../../../../main/domain/dialogue';
import { useEditor, useEditorStore } from '../editor-context';
import { EditableList } from './EditableList';
import { MonoField } from './MonoField';

type VariableType = VariableDeclaration['type'];

const DEFAULTS: Record<VariableType, VariableDeclaration['default']> = { bool: false, number: 0, string: '' };

/** The declaration with a new type, its default reset to that type's. */
const retype = (variable: VariableDeclaration, type: VariableType): VariableDeclaration =>
  ({ ...variable, type, default: DEFAULTS[type] }) as VariableDeclaration;

function DefaultInput({ variable, onChange }: { variable: VariableDeclaration; onChange(v: VariableDeclaration): void }) {
  if (variable.type === 'bool') {
    return (
      <Switch
        size="xs"
        label="Starts true"
        checked={variable.default}
        onChange={(e) => onChange({ ...variable, default: e.currentTarget.checked })}
        mt={6}
      />
    );
  }
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

/** The dialogue's declared variables: what conditions and actions may use, with types and defaults. */
export function VariablesEditor() {
  const store = useEditorStore();
  const variables = useEditor((s) => s.dialogue.variables);
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
        {(variable, _, replace) => (
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
              data={['bool', 'number', 'string']}
              value={variable.type}
              allowDeselect={false}
              onChange={(type) => type && replace(retype(variable, type as VariableType), 'type')}
            />
            <DefaultInput variable={variable} onChange={(v) => replace(v, 'default')} />
          </Group>
        )}
      </EditableList>
    </Stack>
  );
}
