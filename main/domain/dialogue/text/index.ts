/**
 * Text templates of dialogues (line text, option text, an AI line's fallback, a command's
 * text): `{expr}` interpolation, backslash escapes (`\{ \} \[ \] \\ \# \/ \< \>`), markup
 * tags (`[b]…[/b]`, `[color value="red"]`, `[wave=2]`, `[pause/]`, `[/]` closes all) and
 * Yarn's format functions (`[select …/]`, `[plural …/]`, `[ordinal …/]`, with `%` for the
 * value). Parsed in one linear pass, checked against the dialogue's declarations, rendered
 * to plain text plus markup spans.
 */
export type * from './template-parts';
export { PLURAL_CATEGORIES } from './template-parts';
export { parseTemplate } from './parse-template';
export { checkTemplate, type CheckedTemplate, type TemplateProblem, type TemplateProblemCode } from './check-template';
export { renderTemplate } from './render-template';
export { pluralCategory } from './plural-category';
export { toPackTemplate } from './pack-template';
export { escapeText, hasTemplateSyntax } from './template-escapes';
export { plainText } from './plain-text';
