import type { ExportTargetId } from '../../../preload/contract/export';

/** How the Export page names each target, in the order it lists them. */
export const TARGET_LABELS: Record<ExportTargetId, { label: string; description: string }> = {
  json: { label: 'JSON pack', description: 'manifest.json and one file per section; diffs well in git' },
  zip: { label: 'JSON pack (.zip)', description: 'the same files in one archive' },
  roblox: { label: 'Roblox', description: 'Rojo project, .rbxmx model, Luau runtime, ProximityPrompt example' },
  web: { label: 'Web', description: 'ES module runtime, pack.json, a demo page, glTF extras' },
  ccv2: { label: 'Character cards', description: 'V2 and V3 per NPC, JSON and PNG' },
  yarn: { label: 'Yarn Spinner', description: 'one .yarn script per dialogue' },
  twee: { label: 'Twine (Twee 3)', description: 'one SugarCube story per dialogue' },
  voice: { label: 'Voice-over script', description: 'CSV: line id, speaker, text, emotion' },
  localization: { label: 'Localization', description: 'CSV string table keyed by line id' },
};

export interface FileTreeNode {
  label: string;
  path: string;
  bytes?: number;
  children: FileTreeNode[];
}

/** Exported paths (`web/index.html`) as a folder tree, folders first, each level by name. */
export function fileTree(files: readonly { path: string; bytes: number }[]): FileTreeNode[] {
  const root: FileTreeNode = { label: '', path: '', children: [] };
  for (const file of files) {
    let node = root;
    const parts = file.path.split('/');
    parts.forEach((part, i) => {
      const path = parts.slice(0, i + 1).join('/');
      let child = node.children.find((c) => c.label === part);
      if (!child) {
        child = { label: part, path, children: [], ...(i === parts.length - 1 ? { bytes: file.bytes } : {}) };
        node.children.push(child);
      }
      node = child;
    });
  }
  const sort = (nodes: FileTreeNode[]): FileTreeNode[] =>
    nodes
      .sort((a, b) => Number(a.bytes !== undefined) - Number(b.bytes !== undefined) || a.label.localeCompare(b.label))
      .map((n) => ({ ...n, children: sort(n.children) }));
  return sort(root.children);
}
