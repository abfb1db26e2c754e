/**
 * The characters a backslash escapes in text templates: `\{ \} \[ \] \\ \# \/ \< \>` stand for
 * the character itself. A backslash before anything else is a literal backslash.
 */
export const ESCAPABLE = new Set(['{', '}', '[', ']', '\\', '#', '/', '<', '>']);

/** What makes text a template rather than plain text: an interpolation, a tag or an escape. */
export const hasTemplateSyntax = (source: string): boolean => /[{[\\]/.test(source);

/**
 * Plain text written as a template that renders it unchanged: `\ { } [ ]` get a backslash.
 * Used to migrate text written before templates existed and by importers of plain text.
 */
export const escapeText = (plain: string): string => plain.replace(/[\\{}[\]]/g, (ch) => `\\${ch}`);
