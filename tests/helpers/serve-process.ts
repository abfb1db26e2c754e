import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServeProcess {
  url: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');
const READY = /Loreweaver is ready at (http:\/\/\S+)\/\?token=(\S+)/;

/**
 * Starts the built `serve` entry (out/main/serve.js, or under LOREWEAVER_OUT) and waits for its ready line.
 * Tests import models and files from temp folders, so the temp folder is allowed (`--allow-dir`).
 */
export function startServe(
  dataDir: string,
  token: string,
  extraArgs: string[] = [],
  options: { fromSource?: boolean } = {},
): Promise<ServeProcess> {
  // Unit tests run before the build, so they start the TypeScript entry through tsx.
  const entry = options.fromSource
    ? ['--import', 'tsx', join(ROOT, 'main/server/serve.ts')]
    : [join(ROOT, process.env.LOREWEAVER_OUT ?? 'out', 'main/serve.js')];
  const child = spawn(
    process.execPath,
    [...entry, '--port', '0', '--data-dir', dataDir, '--token', token, '--allow-dir', tmpdir(), ...extraArgs],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start in time:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({
        url: match[1],
        token: match[2],
        dataDir,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            // A process ended by a signal has no exit code, only a signal code.
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
}
