import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface ServeOptions {
  host: string;
  port: number;
  token: string;
  workspaceDir: string;
  workspaceLocked: boolean;
  configDir: string;
  /** Folders besides the workspace and models folder that file paths may name (`--allow-dir`, repeatable); the home folder when none. */
  fileRoots: string[] | undefined;
}

export const DEFAULT_PORT = 4310;

/** Reads `serve`'s command line: --port, --host, --data-dir, --token, --config-dir, --allow-dir. */
export function parseServeOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'config-dir': { type: 'string' },
      token: { type: 'string' },
      'allow-dir': { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  const token = values.token ?? randomBytes(24).toString('base64url');
  if (!/^[\w.~-]{1,256}$/.test(token)) throw new Error('--token may hold only letters, digits and - . _ ~');
  const dataDir = values['data-dir'];
  const workspaceDir = resolve(dataDir ?? join(homedir(), 'Loreweaver'));
  const configDir = resolve(
    values['config-dir'] ??
      (dataDir ? join(workspaceDir, '.loreweaver') : join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'loreweaver')),
  );
  const fileRoots = values['allow-dir']?.map((dir) => resolve(dir));
  return { host: values.host ?? '127.0.0.1', port, token, workspaceDir, workspaceLocked: dataDir !== undefined, configDir, fileRoots };
}
