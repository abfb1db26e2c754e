const rulesByLocale = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string, ordinal: boolean): Intl.PluralRules {
  const key = `${ordinal ? 'ordinal' : 'cardinal'}:${locale}`;
  let rules = rulesByLocale.get(key);
  if (!rules) {
    let supported: string[];
    try {
      supported = Intl.PluralRules.supportedLocalesOf(locale);
    } catch {
      supported = [];
    }
    rules = new Intl.PluralRules(supported[0] ?? 'en', { type: ordinal ? 'ordinal' : 'cardinal' });
    rulesByLocale.set(key, rules);
  }
  return rules;
}

/**
 * The CLDR plural category (zero one two few many other) of a number in a locale, cardinal
 * (`plural`) or ordinal (`ordinal`). A locale the platform does not know, or a malformed
 * one, is read as `en`, so every runtime picks the same category for it.
 */
export const pluralCategory = (value: number, locale: string, ordinal: boolean): string => rulesFor(locale, ordinal).select(value);
