import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DownloadManager, type DownloadManagerOptions } from '../../main/core/models/downloads/download-manager';
import type { ModelDownload as DownloadState } from '../../preload/api';
import { startRangeServer, type RangeServer } from '../helpers/range-server';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const servers: RangeServer[] = [];
const managers: DownloadManager[] = [];
const MODEL = randomBytes(768 * 1024);
const SHA = createHash('sha256').update(MODEL).digest('hex');

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options: Parameters<typeof startRangeServer>[1] = {}) {
  const server = await startRangeServer({ '/models/tiny.gguf': MODEL }, options);
  servers.push(server);
  return server;
}

function manager(dir: string, overrides: Partial<DownloadManagerOptions> = {}) {
  const events: DownloadState[] = [];
  const library = join(dir, 'library');
  const adopted: string[] = [];
  const m = new DownloadManager({
    stagingDir: join(dir, 'staging'),
    emit: (state) => events.push(state),
    adopt: async (path) => {
      const target = join(dir, 'adopted.gguf');
      renameSync(path, target);
      adopted.push(target);
      return 'tiny.gguf';
    },
    connectTimeoutMs: 5000,
    stallTimeoutMs: 5000,
    diskMarginBytes: 0,
    ...overrides,
  });
  managers.push(m);
  return { m, events, adopted, library };
}

function settle(events: DownloadState[], id: string, phases: DownloadState['phase'][]): Promise<DownloadState> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const last = events.filter((e) => e.id === id).at(-1);
      if (last && phases.includes(last.phase)) {
        clearInterval(poll);
        resolve(last);
      } else if (Date.now() - started > 20_000) {
        clearInterval(poll);
        reject(new Error(`download ${id} stayed ${last?.phase}`));
      }
    }, 20);
  });
}

describe('model downloads', () => {
  it('downloads with progress, verifies the checksum and hands the file to the library', async () => {
    const server = await serve({ chunkBytes: 64 * 1024, delayMs: 15 });
    const { m, events, adopted } = manager(tempDir());
    const started = m.start({ uri: server.url('/models/tiny.gguf'), sha256: SHA });
    const done = await settle(events, started.id, ['completed', 'failed']);
    expect(done).toMatchObject({ phase: 'completed', modelId: 'tiny.gguf', totalBytes: MODEL.length, error: null });
    expect(readFileSync(adopted[0]).equals(MODEL)).toBe(true);
    const progress = events.filter((e) => e.phase === 'downloading').map((e) => e.downloadedBytes);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('pauses, keeps the partial file, and resumes from it, also after a restart', async () => {
    // The downloader fetches 5 MB pieces over parallel connections and writes each piece once it is
    // complete, so the file must be several pieces long for a pause to leave finished pieces behind.
    const big = randomBytes(40 * 1024 * 1024);
    const server = await startRangeServer({ '/models/big.gguf': big }, { chunkBytes: 128 * 1024, delayMs: 10 });
    servers.push(server);
    const dir = tempDir();
    const first = manager(dir);
    const started = first.m.start({ uri: server.url('/models/big.gguf'), sha256: createHash('sha256').update(big).digest('hex') });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const last = first.events.at(-1);
        if (last?.phase === 'downloading' && last.downloadedBytes > 24 * 1024 * 1024) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    const paused = await first.m.pause(started.id);
    expect(paused.phase).toBe('paused');
    expect(existsSync(join(dir, 'staging', 'big.gguf.ipull'))).toBe(true);

    const second = manager(dir);
    expect(second.m.list()).toMatchObject([{ id: started.id, phase: 'paused' }]);
    second.m.resume(started.id);
    const done = await settle(second.events, started.id, ['completed', 'failed']);
    expect(done.phase).toBe('completed');
    expect(readFileSync(second.adopted[0]).equals(big)).toBe(true);
    expect(server.ranges.some((r) => /^bytes=[1-9]\d{6,}-/.test(r))).toBe(true);
  });

  it('rejects a file whose checksum does not match and deletes it', async () => {
    const server = await serve();
    const dir = tempDir();
    const { m, events, adopted } = manager(dir);
    const started = m.start({ uri: server.url('/models/tiny.gguf'), sha256: 'ab'.repeat(32) });
    const done = await settle(events, started.id, ['completed', 'failed']);
    expect(done.phase).toBe('failed');
    expect(done.error).toMatch(/damaged: its sha256 is [0-9a-f]{64}/);
    expect(adopted).toEqual([]);
    expect(existsSync(join(dir, 'staging', 'tiny.gguf'))).toBe(false);
  });

  it('fails clearly when the server stops sending mid-download, and can resume later', async () => {
    const stalling = await serve({ chunkBytes: 32 * 1024, delayMs: 5, stallAfterBytes: 200 * 1024 });
    const { m, events } = manager(tempDir(), { stallTimeoutMs: 1200 });
    const started = m.start({ uri: stalling.url('/models/tiny.gguf') });
    const done = await settle(events, started.id, ['completed', 'failed']);
    expect(done.phase).toBe('failed');
    expect(done.error).toMatch(/stalled|failed|cannot be reached/);
    expect(m.resume(started.id).phase).toBe('starting');
    await m.cancel(started.id);
  });

  it('gives up with a clear message when the server never answers', async () => {
    const silent = await serve({ silent: true });
    const { m, events } = manager(tempDir(), { connectTimeoutMs: 800 });
    const started = m.start({ uri: silent.url('/models/tiny.gguf') });
    const done = await settle(events, started.id, ['completed', 'failed']);
    expect(done.error).toMatch(/No answer from 127\.0\.0\.1:\d+ within 1 s/);
  });

  it('checks free disk space before downloading', async () => {
    const server = await serve();
    const { m, events } = manager(tempDir(), { diskMarginBytes: 1e18 });
    const started = m.start({ uri: server.url('/models/tiny.gguf') });
    const done = await settle(events, started.id, ['completed', 'failed']);
    expect(done.error).toMatch(/Not enough disk space/);
  });

  it('refuses addresses and names it cannot use', () => {
    const { m } = manager(tempDir());
    expect(() => m.start({ uri: 'file:///etc/passwd' })).toThrow(/https:\/\/, http:\/\/ or hf:/);
    expect(() => m.start({ uri: 'https://example.com/model.bin' })).toThrow(/not a \.gguf file name/);
    expect(() => m.start({ uri: 'https://example.com/x.gguf', fileName: '../evil.gguf' })).toThrow(/not a \.gguf file name/);
  });
});
