import { Combobox, Group, Text, Textarea, TextInput, useCombobox } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { ExprType } from '../../../../main/domain/dialogue';
import { useEditor } from '../editor-context';
import { applyCompletion, completionsAt, type CompletionList } from './completion';
import { fieldProblem, variableTypes, type FieldLanguage } from './field-check';

const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
const NO_ENUMS: never[] = [];

interface LanguageFieldProps {
  language: FieldLanguage;
  /** The type an expression must have (a set action's variable, a jump target's text). */
  expected?: ExprType;
  value: string;
  onChange(value: string): void;
  label?: string;
  'aria-label'?: string;
  description?: string;
  placeholder?: string;
  /** An empty field is fine (an optional condition); otherwise it is checked like any other text. */
  optional?: boolean;
  /** Where validation reports this field (its node, none for the dialogue's own fields, and the path within), so its findings show here too. */
  problemAt?: { nodeId?: string; field: string };
  /** A growing text area for prose (line text) instead of a one-line field. */
  rows?: { minRows: number; maxRows: number };
}

/**
 * A field of the dialogue language, checked as it is typed: the first problem (syntax,
 * unknown variable, wrong type, or an error validation found in this field) shows under it.
 * Typing `$` lists the declared variables with their types, `Enum.` or `.` the enum cases;
 * in text, only inside `{…}`. Arrow keys pick, Enter or Tab inserts, Escape closes.
 */
export function LanguageField({ language, expected, value, onChange, optional, problemAt, rows, ...field }: LanguageFieldProps) {
  const variables = useEditor((s) => s.dialogue.variables);
  const enums = useEditor((s) => s.dialogue.enums ?? NO_ENUMS);
  const validation = useEditor((s) => {
    if (!problemAt) return undefined;
    const candidates = problemAt.nodeId === undefined ? s.problems : s.problemsByNode.get(problemAt.nodeId);
    return candidates?.find((p) => p.severity === 'error' && p.nodeId === problemAt.nodeId && p.field === problemAt.field)?.message;
  });
  const combobox = useCombobox();
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [list, setList] = useState<CompletionList | null>(null);
  const scope = useMemo(() => ({ variables, enums, smartTypes: variableTypes({ variables, enums }) }), [variables, enums]);
  const mode = language === 'template' ? 'template' : 'expression';

  const live = value.trim() || !optional ? fieldProblem(language, value, scope, expected) : undefined;
  const error = live ?? validation;

  const update = (text: string, caret: number) => {
    onChange(text);
    const next = completionsAt(text, caret, scope, mode);
    setList(next);
    if (next) combobox.openDropdown();
    else combobox.closeDropdown();
  };

  // Once new suggestions are on the page, the first is the one Enter takes; only new
  // suggestions reset the pick (the store object is new on every render, a re-render keeps it).
  useEffect(() => {
    if (list) combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list]);

  const choose = (insert: string) => {
    const item = list?.items.find((i) => i.insert === insert);
    if (!list || !item) return;
    const applied = applyCompletion(value, list, item);
    onChange(applied.text);
    setList(null);
    combobox.closeDropdown();
    requestAnimationFrame(() => input.current?.setSelectionRange(applied.caret, applied.caret));
  };

  const props = {
    ...field,
    ref: input,
    size: 'xs' as const,
    value,
    error,
    spellCheck: false,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      update(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length),
    onBlur: () => combobox.closeDropdown(),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Tab' && combobox.dropdownOpened && list) {
        e.preventDefault();
        combobox.clickSelectedOption();
      }
    },
  };

  return (
    <Combobox store={combobox} onOptionSubmit={choose} position="bottom-start" withinPortal>
      <Combobox.Target>
        {rows ? <Textarea {...props} autosize {...rows} /> : <TextInput {...props} styles={language === 'template' ? undefined : MONO} />}
      </Combobox.Target>
      <Combobox.Dropdown hidden={!list}>
        <Combobox.Options mah={220} style={{ overflowY: 'auto' }} aria-label="Suggestions">
          {list?.items.map((item) => (
            <Combobox.Option value={item.insert} key={item.label}>
              <Group justify="space-between" gap="md" wrap="nowrap">
                <Text size="xs" ff="monospace">
                  {item.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {item.detail}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
