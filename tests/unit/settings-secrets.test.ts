import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SecretBox } from '../../main/core/workspace/secret-box';
import { SettingsStore } from '../../main/core/workspace/settings';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** A SecretBox with its own AES-GCM key, standing in for the OS keychain of one user on one machine. */
function keychain(): SecretBox {
  const key = randomBytes(32);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
    },
    open(text) {
      const bytes = Buffer.from(text, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const REMOTE = { kind: 'remote' as const, baseUrl: 'https://llm.example.test/v1', model: 'storyteller', apiKey: 'sk-very-secret' };
const onDisk = (dir: string) => readFileSync(join(dir, 'settings.json'), 'utf8');

describe('settings secrets', () => {
  afterEach(() => vi.restoreAllMocks());

  it('seals the API key on disk with the SecretBox and opens it again on the next start', () => {
    const dir = tempDir();
    const box = keychain();
    new SettingsStore(dir, box).update((s) => ({ ...s, llmProvider: REMOTE }));
    const text = onDisk(dir);
    expect(text).not.toContain('sk-very-secret');
    expect(JSON.parse(text).llmProvider).toMatchObject({ kind: 'remote', model: 'storyteller', sealedApiKey: expect.any(String) });
    expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
    expect(new SettingsStore(dir, box).get().llmProvider).toEqual(REMOTE);
  });

  it('drops a key sealed by another keychain, keeping the rest of the provider, and says so', () => {
    const dir = tempDir();
    new SettingsStore(dir, keychain()).update((s) => ({ ...s, llmProvider: REMOTE }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { apiKey: _dropped, ...withoutKey } = REMOTE;
    expect(new SettingsStore(dir, keychain()).get().llmProvider).toEqual(withoutKey);
    expect(new SettingsStore(dir).get().llmProvider).toEqual(withoutKey);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('enter it again'));
  });

  it('keeps the key in an owner-only file where there is no keychain (browser mode)', () => {
    const dir = tempDir();
    new SettingsStore(dir).update((s) => ({ ...s, llmProvider: REMOTE }));
    expect(JSON.parse(onDisk(dir)).llmProvider).toEqual(REMOTE);
    expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('llm:provider:set through the studio writes only the sealed key and never shows it to the renderer', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir, { secrets: keychain() });
    const info = await callOk(studio, 'llm:provider:set', {
      kind: 'remote',
      baseUrl: REMOTE.baseUrl,
      model: REMOTE.model,
      apiKey: REMOTE.apiKey,
    });
    expect(JSON.stringify(info)).not.toContain('sk-very-secret');
    const settingsFile = join(dir, '.loreweaver', 'settings.json');
    expect(readFileSync(settingsFile, 'utf8')).not.toContain('sk-very-secret');
    studio.close();
  });
});
