/**
 * Colour names a `[color=…]` (or `colour`) tag may use, as #RRGGBB: the sixteen HTML colours
 * and a few more. Roblox RichText takes only #RRGGBB, so every runtime shows the same set
 * (the Luau runner keeps the same table).
 */
export const MARKUP_COLORS: Readonly<Record<string, string>> = {
  black: '#000000',
  white: '#FFFFFF',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  red: '#FF0000',
  maroon: '#800000',
  yellow: '#FFFF00',
  olive: '#808000',
  lime: '#00FF00',
  green: '#008000',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  teal: '#008080',
  blue: '#0000FF',
  navy: '#000080',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  purple: '#800080',
  orange: '#FFA500',
  pink: '#FFC0CB',
  brown: '#A52A2A',
  gold: '#FFD700',
};

/** A colour property as #RRGGBB: a name above, #rgb or #rrggbb; anything else (which could inject styles) is no colour. */
export function markupColor(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (Object.hasOwn(MARKUP_COLORS, lower)) return MARKUP_COLORS[lower];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(lower)?.[1];
  if (!hex) return undefined;
  return `#${(hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex).toUpperCase()}`;
}
