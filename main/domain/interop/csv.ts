/** One CSV field, quoted when it holds a comma, quote, newline or leading/trailing space (RFC 4180). */
const field = (value: string): string => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * A cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) gets a leading `'`, as OWASP's CSV injection guidance recommends: the
 * spreadsheet shows it as text, and `'` marks the cell for anyone reading the file.
 */
export const guardFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * CSV text with CRLF line ends, as spreadsheet tools and Roblox's LocalizationTable import
 * expect. `forSpreadsheets` guards every cell against formula injection (see guardFormula);
 * leave it off only for files a program reads cell by cell, where the text must stay exact.
 */
export const toCsv = (rows: readonly (readonly string[])[], { forSpreadsheets }: { forSpreadsheets: boolean }): string =>
  rows.map((row) => row.map((cell) => field(forSpreadsheets ? guardFormula(cell) : cell)).join(',')).join('\r\n') + '\r\n';
