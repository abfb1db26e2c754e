/**
 * Characters a story format may read as markup: every ASCII punctuation mark but `,` and `.`.
 * SugarCube gives meaning to most of them (`[[`, `<<`, `$var`, `_var`, `''`, `//`, `/*`,
 * `@@`, `{{{`, `"""`, `::` at a line's start, `!` and `*` at a line's start, HTML tags).
 */
const MARKUP_CHARACTER = /[!-+\-/:-@[-`{-~]/g;

/**
 * Text as story-format prose that shows exactly that text and holds no markup: markup
 * characters become numeric HTML character references (which SugarCube and browsers show
 * as the character), and line breaks become `<br>`.
 */
export const escapeProse = (text: string): string =>
  text.replace(MARKUP_CHARACTER, (c) => `&#${c.charCodeAt(0)};`).replace(/\r\n|\r|\n/g, '<br>');

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text with HTML character references (`&#60;`, `&#x3c;`, `&lt;` and the other common names) read back. */
export const decodeEntities = (text: string): string =>
  text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,4}));/gi, (whole: string, dec?: string, hex?: string, name?: string) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : undefined;
    if (code === undefined) return NAMED[name!.toLowerCase()] ?? whole;
    return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
