import { toPackExpr } from '../../pack/expression-tree';
import type { PackTextPart } from '../../pack/pack-text';
import { NO_ENUMS, type DeclaredEnum } from '../expression/enum-cases';
import type { CasePart, TemplatePart } from './template-parts';

/**
 * Template parts as a pack ships them: no spans, expressions lowered as `toPackExpr` lowers
 * them (enum cases to their raw values; throws UnresolvedEnumCase for a case `enums` lacks).
 */
export function toPackTemplate(
  parts: readonly (TemplatePart | CasePart)[],
  enums: ReadonlyMap<string, DeclaredEnum> = NO_ENUMS,
): PackTextPart[] {
  return parts.map((part): PackTextPart => {
    switch (part.type) {
      case 'text':
        return { type: 'text', text: part.text };
      case 'value':
        return { type: 'value', expr: toPackExpr(part.expr, enums) };
      case 'select':
      case 'plural': {
        const value = toPackExpr(part.value, enums);
        const cases = part.cases.map((c) => ({ key: c.key, parts: toPackTemplate(c.parts, enums) }));
        return part.type === 'select' ? { type: 'select', value, cases } : { type: 'plural', value, ordinal: part.ordinal, cases };
      }
      case 'markupOpen':
      case 'markupSelf':
        return { type: part.type, name: part.name, properties: part.properties.map(({ name, value }) => ({ name, value })) };
      case 'markupClose':
        return { type: 'markupClose', name: part.name };
      case 'formatValue':
        return { type: 'formatValue' };
    }
  });
}
