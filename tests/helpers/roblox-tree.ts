import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SaxesParser } from 'saxes';

/** An instance of a Roblox place as the Luau stand-in (tests/helpers/luau/roblox-game.luau) builds it. */
export interface TreeInstance {
  className: string;
  name: string;
  source?: string;
  disabled?: boolean;
  children: TreeInstance[];
}

const SCRIPT_SUFFIXES: [string, string][] = [
  ['.server.luau', 'Script'],
  ['.client.luau', 'LocalScript'],
  ['.luau', 'ModuleScript'],
];

/** A file or folder of a Rojo project as Rojo syncs it: scripts by suffix, a folder with init.luau is that ModuleScript. */
function rojoPath(path: string, name: string): TreeInstance {
  if (statSync(path).isDirectory()) {
    const entries = readdirSync(path).sort();
    const children = entries.filter((e) => e !== 'init.luau').map((e) => rojoPath(join(path, e), e));
    if (!entries.includes('init.luau')) return { className: 'Folder', name, children };
    return { className: 'ModuleScript', name, source: readFileSync(join(path, 'init.luau'), 'utf8'), children };
  }
  const file = basename(path);
  const script = SCRIPT_SUFFIXES.find(([suffix]) => file.endsWith(suffix));
  if (!script) return { className: 'LocalizationTable', name: file.replace(/\.[^.]+$/, ''), children: [] };
  return { className: script[1], name: file.slice(0, -script[0].length), source: readFileSync(path, 'utf8'), children: [] };
}

type RojoNode = { $className?: string; $path?: string } & { [child: string]: RojoNode | string | undefined };

/** The place a Rojo project (default.project.json in `dir`) builds. */
export function rojoTree(dir: string): TreeInstance {
  const project = JSON.parse(readFileSync(join(dir, 'default.project.json'), 'utf8')) as { tree: RojoNode };
  const node = (name: string, at: RojoNode): TreeInstance => {
    const synced = at.$path ? rojoPath(join(dir, at.$path), name) : { className: at.$className ?? 'Folder', name, children: [] };
    for (const [key, child] of Object.entries(at)) if (!key.startsWith('$')) synced.children.push(node(key, child as RojoNode));
    return synced;
  };
  return node('game', project.tree);
}

/** The instances of a .rbxmx model, read with a real XML parser (saxes), which throws on anything that is not well-formed XML. */
export function rbxmxTree(xml: string): TreeInstance[] {
  const parser = new SaxesParser();
  const roots: TreeInstance[] = [];
  const open: TreeInstance[] = [];
  let property: { name: string; text: string } | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attribute = (name: string) => String(tag.attributes[name] ?? '');
    if (tag.name === 'Item') {
      const item: TreeInstance = { className: attribute('class'), name: '', children: [] };
      (open.at(-1)?.children ?? roots).push(item);
      open.push(item);
    } else if (open.length && tag.name !== 'Properties') property = { name: attribute('name'), text: '' };
  });
  const addText = (text: string) => {
    if (property) property.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    const item = open.at(-1)!;
    if (tag.name === 'Item') open.pop();
    else if (property && tag.name !== 'Properties') {
      if (property.name === 'Name') item.name = property.text;
      if (property.name === 'Source') item.source = property.text;
      if (property.name === 'Disabled') item.disabled = property.text === 'true';
      property = undefined;
    }
  });
  parser.write(xml).close();
  return roots;
}

/** Every script of a tree, by its dotted path. */
export const scriptsOf = (tree: TreeInstance, path = tree.name): [string, string][] => [
  ...(tree.source === undefined ? [] : [[path, tree.source] as [string, string]]),
  ...tree.children.flatMap((child) => scriptsOf(child, `${path}.${child.name}`)),
];
