import { folderAncestors } from './folder-path';

export interface FolderNode<T> {
  /** Full path; `''` for the root. */
  path: string;
  name: string;
  folders: FolderNode<T>[];
  items: T[];
}

/**
 * Groups items into a folder tree by their folder path; folders first, then items, each
 * sorted by name. `extraFolders` are folders that exist without items yet (just created).
 */
export function buildFolderTree<T extends { name: string }>(
  items: readonly T[],
  folderOf: (item: T) => string,
  extraFolders: readonly string[] = [],
): FolderNode<T> {
  const root: FolderNode<T> = { path: '', name: '', folders: [], items: [] };
  const byPath = new Map<string, FolderNode<T>>([['', root]]);
  const ensure = (path: string): FolderNode<T> => {
    let node = byPath.get(path);
    if (node) return node;
    const cut = path.lastIndexOf('/');
    const parent = cut < 0 ? root : ensure(path.slice(0, cut));
    node = { path, name: path.slice(cut + 1), folders: [], items: [] };
    parent.folders.push(node);
    byPath.set(path, node);
    return node;
  };
  for (const folder of extraFolders) folderAncestors(folder).forEach(ensure);
  for (const item of items) ensure(folderOf(item)).items.push(item);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
  const sort = (node: FolderNode<T>) => {
    node.folders.sort(byName);
    node.items.sort(byName);
    node.folders.forEach(sort);
  };
  sort(root);
  return root;
}
