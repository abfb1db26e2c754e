import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT_EXTENSION = '.loreweaver';

/** A file-system-safe file stem for a project name, readable and portable across OSes. */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFC')
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 80);
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem);
  return stem && !reserved ? stem : 'Untitled';
}

/** `<dir>/<stem>.loreweaver`, or `<stem> (2).loreweaver` and so on when taken. */
export function freeProjectPath(dir: string, name: string, except?: string): string {
  const stem = fileStem(name);
  for (let n = 1; ; n++) {
    const candidate = join(dir, `${n === 1 ? stem : `${stem} (${n})`}${PROJECT_EXTENSION}`);
    if (candidate === except || !existsSync(candidate)) return candidate;
  }
}
