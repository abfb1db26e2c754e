import type { Pack, PackFile, PackMeta, ProjectContent } from '../../domain/pack';

/** One file a target writes, relative to the target's folder. */
export interface ExportFile {
  path: string;
  data: string | Uint8Array;
}

/** What every target builds from: the validated pack, its canonical files, and the project it came from. */
export interface TargetInput {
  pack: Pack;
  files: PackFile[];
  project: ProjectContent;
  meta: PackMeta;
}

export interface ExportTarget {
  /** Each target writes into its own folder under the chosen output folder. */
  folder: string;
  build(input: TargetInput): ExportFile[];
}

/** Folder and file names from creator text: no separators or characters file systems refuse. */
export const safeFileName = (name: string, fallback: string): string =>
  name
    .replace(/[/\\:*?"<>|\p{Cc}]+/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80) || fallback;

/** Unique file names for items, so two NPCs called "Guard" do not overwrite each other. */
export function uniqueNames<T extends { id: string; name: string }>(items: readonly T[]): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const item of items) {
    const base = safeFileName(item.name, item.id);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    used.add(name.toLowerCase());
    names.set(item.id, name);
  }
  return names;
}
