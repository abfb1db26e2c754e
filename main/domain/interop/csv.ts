/** One CSV field, quoted when it holds a comma, quote, newline or leading/trailing space (RFC 4180). */
const field = (value: string): string => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** CSV text with CRLF line ends, as spreadsheet tools and Roblox's LocalizationTable import expect. */
export const toCsv = (rows: readonly (readonly string[])[]): string => rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
