/** How two NPC names are compared: "Brannoc" and " brannoc " are the same NPC to a reader. */
export const comparableName = (name: string) => name.trim().toLocaleLowerCase('en');

/** `name`, or `name (2)`, `name (3)` … when another NPC already has it. */
export function distinctNpcName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map(comparableName));
  if (!used.has(comparableName(name))) return name;
  let n = 2;
  while (used.has(comparableName(`${name} (${n})`))) n++;
  return `${name} (${n})`;
}
