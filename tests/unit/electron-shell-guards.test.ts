import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFolderOnly } from '../../main/electron/open-folder';
import { rendererFile } from '../../main/electron/renderer-file';
import { hasKeychain } from '../../main/electron/keychain';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const DIR = '/opt/loreweaver/out/renderer';

describe('the app scheme', () => {
  it("serves the built renderer's files, index.html at the origin", () => {
    expect(rendererFile('loreweaver://app/', DIR)).toBe(join(DIR, 'index.html'));
    expect(rendererFile('loreweaver://app/index.html?x=1#top', DIR)).toBe(join(DIR, 'index.html'));
    expect(rendererFile('loreweaver://app/assets/index-3f2a.js', DIR)).toBe(join(DIR, 'assets/index-3f2a.js'));
    expect(rendererFile('loreweaver://app/assets/Lore%20Weaver.css', DIR)).toBe(join(DIR, 'assets/Lore Weaver.css'));
    // The URL itself resolves dot segments, at most up to its root.
    expect(rendererFile('loreweaver://app/../../main/index.js', DIR)).toBe(join(DIR, 'main/index.js'));
    expect(rendererFile('loreweaver://app/%2e%2e/main/index.js', DIR)).toBe(join(DIR, 'main/index.js'));
  });

  it('serves nothing outside the renderer folder, on another host or scheme', () => {
    for (const url of [
      'loreweaver://app/..%2fmain/index.js',
      'loreweaver://app/..%5cmain/index.js',
      'loreweaver://app/%E0%A4%A',
      'loreweaver://evil/index.html',
      'file:///opt/loreweaver/out/renderer/index.html',
      'https://app/index.html',
      'not a url',
    ]) {
      expect(rendererFile(url, DIR), url).toBeNull();
    }
  });
});

describe('opening an export folder', () => {
  it('opens folders and refuses files or missing paths without opening them', async () => {
    const dir = tempDir();
    const script = join(dir, 'run-me.sh');
    writeFileSync(script, 'echo hi');
    mkdirSync(join(dir, 'pack'));
    const opened: string[] = [];
    const open = async (path: string) => (opened.push(path), '');
    await openFolderOnly(join(dir, 'pack'), open);
    await expect(openFolderOnly(script, open)).rejects.toThrow(/is not a folder/);
    await expect(openFolderOnly(join(dir, 'missing'), open)).rejects.toThrow(/is not a folder/);
    expect(opened).toEqual([join(dir, 'pack')]);
    await expect(openFolderOnly(dir, async () => 'No application to open it')).rejects.toThrow('No application to open it');
  });
});

describe('the keychain', () => {
  it("counts Linux's basic_text backend, and no encryption at all, as no keychain", () => {
    const backend = (name: string) => () => name;
    expect(hasKeychain('linux', true, backend('gnome_libsecret'))).toBe(true);
    expect(hasKeychain('linux', true, backend('kwallet5'))).toBe(true);
    expect(hasKeychain('linux', true, backend('basic_text'))).toBe(false);
    expect(hasKeychain('linux', false, backend('gnome_libsecret'))).toBe(false);
    expect(
      hasKeychain('darwin', true, () => {
        throw new Error('only on Linux');
      }),
    ).toBe(true);
    expect(hasKeychain('win32', false, backend('basic_text'))).toBe(false);
  });
});
