import type { Dialogue } from '../../../../main/domain/dialogue/dialogue-schema';

/**
 * The dialogue's variables a creator can set while testing, with the kind of value each
 * holds: an enum variable holds its cases' raw values (numbers, or text); smart variables
 * are computed, so they are left out.
 */
export function settableVariables(dialogue: Pick<Dialogue, 'variables' | 'enums'>): { name: string; type: 'bool' | 'number' | 'string' }[] {
  return dialogue.variables.flatMap((variable) => {
    if (variable.type === 'smart') return [];
    if (variable.type !== 'enum') return [{ name: variable.name, type: variable.type }];
    const cases = dialogue.enums?.find((e) => e.name === variable.enum)?.cases ?? [];
    const numeric = cases.length > 0 && cases.every((c) => typeof c.value === 'number');
    return [{ name: variable.name, type: numeric ? ('number' as const) : ('string' as const) }];
  });
}
