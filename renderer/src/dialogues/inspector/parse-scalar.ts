/** A typed value from what was typed: true/false and numbers as themselves, the rest as text. */
export function parseScalar(text: string): boolean | number | string {
  if (text === 'true' || text === 'false') return text === 'true';
  const number = Number(text);
  return text.trim() !== '' && Number.isFinite(number) ? number : text;
}
