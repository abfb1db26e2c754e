import { ActionIcon, Button, Group, Stack } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { EnumDeclaration } from '../../../../main/domain/dialogue';
import { useEditor, useEditorStore } from '../editor-context';
import { DeclarationProblem } from './DeclarationProblem';
import { EditableList } from './EditableList';
import { MonoField } from './MonoField';
import { parseScalar } from './parse-scalar';

const NO_ENUMS: EnumDeclaration[] = [];
type EnumCase = EnumDeclaration['cases'][number];

/** Only names the schema accepts are stored: letters, digits and _, not starting with a digit; the rest is refused as typed. */
const cleanName = (text: string): string | undefined => {
  const name = text.replace(/[^A-Za-z0-9_]/g, '').slice(0, 64);
  return /^[A-Za-z_]/.test(name) ? name : undefined;
};

/** A name not yet among `taken`: `base1`, `base2`… */
function freshName(base: string, taken: readonly { name: string }[]): string {
  const names = new Set(taken.map((t) => t.name));
  let n = taken.length + 1;
  while (names.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** The case with a value typed in: a number, text, or none (the case's own name is its value). */
function withValue(enumCase: EnumCase, text: string): EnumCase {
  const { value: _old, ...rest } = enumCase;
  if (!text.trim()) return rest;
  const value = parseScalar(text.trim());
  return { ...rest, value: typeof value === 'boolean' ? text.trim() : value };
}

/**
 * The enums the dialogue's variables can hold: a name and its cases, each with an optional
 * value (`Food.Apple = 1`; without one, its name). The cases of one enum are all numbers or
 * all text; validation's finding about an enum shows under it.
 */
export function EnumsEditor() {
  const store = useEditorStore();
  const enums = useEditor((s) => s.dialogue.enums ?? NO_ENUMS);
  const set = (next: EnumDeclaration[], key: string) =>
    store.getState().run('setHeader', { fields: { enums: next }, label: 'Edit enums' }, { coalesce: `enums:${key}` });
  return (
    <Stack gap="xs">
      <EditableList
        items={enums}
        itemKey={(_, i) => i}
        itemTitle={(declaration) => `enum ${declaration.name}`}
        onChange={set}
        addLabel="Add enum"
        newItem={(): EnumDeclaration => ({ name: freshName('Enum', enums), cases: [{ name: 'First' }] })}
      >
        {(declaration, i, replace) => (
          <Stack gap={6}>
            <MonoField
              aria-label="Enum name"
              value={declaration.name}
              onChange={(text) => {
                const name = cleanName(text);
                if (name) replace({ ...declaration, name }, 'name');
              }}
            />
            {declaration.cases.map((enumCase, j) => (
              <Group key={j} gap={6} wrap="nowrap">
                <MonoField
                  flex={3}
                  aria-label={`Case ${j + 1} of ${declaration.name}`}
                  value={enumCase.name}
                  onChange={(text) => {
                    const name = cleanName(text);
                    if (name)
                      replace({ ...declaration, cases: declaration.cases.map((c, k) => (k === j ? { ...c, name } : c)) }, `case${j}`);
                  }}
                />
                <MonoField
                  flex={2}
                  aria-label={`Value of ${declaration.name}.${enumCase.name}`}
                  placeholder="Value"
                  value={enumCase.value === undefined ? '' : String(enumCase.value)}
                  onChange={(text) =>
                    replace({ ...declaration, cases: declaration.cases.map((c, k) => (k === j ? withValue(c, text) : c)) }, `value${j}`)
                  }
                />
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={`Remove case ${enumCase.name}`}
                  disabled={declaration.cases.length === 1}
                  onClick={() => replace({ ...declaration, cases: declaration.cases.filter((_, k) => k !== j) }, 'remove-case')}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            <DeclarationProblem fields={[`enums[${i}]`]} />
            <Button
              size="compact-xs"
              variant="subtle"
              style={{ alignSelf: 'flex-start' }}
              leftSection={<IconPlus size={12} />}
              onClick={() =>
                replace({ ...declaration, cases: [...declaration.cases, { name: freshName('Case', declaration.cases) }] }, 'add')
              }
            >
              Add case
            </Button>
          </Stack>
        )}
      </EditableList>
    </Stack>
  );
}
