import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesktopArgs } from '../../main/electron/launch-options';
import { electronNativeBinding, electronNativeBindingPath } from '../../main/electron/native-binding';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('desktop launch options', () => {
  it('uses ~/Loreweaver unless --data-dir fixes the workspace', () => {
    expect(parseDesktopArgs(['/usr/bin/electron', '.'], '/home/ada')).toEqual({
      workspaceDir: join('/home/ada', 'Loreweaver'),
      workspaceLocked: false,
    });
    expect(parseDesktopArgs(['/usr/bin/electron', '.', '--data-dir', '/data/lore'], '/home/ada')).toEqual({
      workspaceDir: resolve('/data/lore'),
      workspaceLocked: true,
    });
    expect(parseDesktopArgs(['loreweaver', '--no-sandbox', '--data-dir=rel/dir'], '/home/ada')).toEqual({
      workspaceDir: resolve('rel/dir'),
      workspaceLocked: true,
    });
  });

  it('refuses --data-dir without a folder', () => {
    expect(() => parseDesktopArgs(['electron', '.', '--data-dir'], '/home/ada')).toThrow(/--data-dir needs a folder/);
    expect(() => parseDesktopArgs(['electron', '.', '--data-dir', '--inspect'], '/home/ada')).toThrow(/--data-dir/);
  });
});

describe('Electron build of better-sqlite3', () => {
  it('is used under Electron once prepared', () => {
    const root = tempDir();
    const path = electronNativeBindingPath(root, '45.5.0');
    expect(path).toBe(join(root, '.cache', 'electron-native', '45.5.0', 'better_sqlite3.node'));
    expect(electronNativeBinding(root, { electron: '45.5.0' })).toBeUndefined();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    expect(electronNativeBinding(root, { electron: '45.5.0' })).toBe(path);
    expect(electronNativeBinding(root, { electron: '46.0.0' })).toBeUndefined();
  });

  it('is not used under Node', () => {
    const root = tempDir();
    const path = electronNativeBindingPath(root, '45.5.0');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    expect(electronNativeBinding(root, {})).toBeUndefined();
    expect(electronNativeBinding(root)).toBeUndefined();
  });
});
