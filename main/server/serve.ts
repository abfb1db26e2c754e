import { join } from 'node:path';
import { Studio } from '../core/studio';
import { APP_VERSION } from '../core/version';
import { startHttpHost } from './http-server';
import { parseServeOptions } from './options';

/** `npm run serve`: the studio as a local web app. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseServeOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`loreweaver serve: ${(error as Error).message}`);
    process.exit(2);
  }
  const studio = new Studio({
    workspaceDir: options.workspaceDir,
    workspaceLocked: options.workspaceLocked,
    configDir: options.configDir,
    fileRoots: options.fileRoots,
    host: 'browser',
    version: APP_VERSION,
  });
  let host;
  try {
    host = await startHttpHost(studio, {
      host: options.host,
      port: options.port,
      token: options.token,
      staticDir: join(import.meta.dirname, '../renderer'),
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const hint = code === 'EADDRINUSE' ? ` Port ${options.port} is in use; pass --port <another>.` : '';
    console.error(`loreweaver serve: could not start: ${(error as Error).message}.${hint}`);
    process.exit(1);
  }
  console.log(`Loreweaver is ready at ${host.url}/?token=${options.token}`);
  console.log(`Projects live in ${options.workspaceDir}`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(options.host)) {
    console.warn(
      `Listening on ${options.host}: anyone who can reach port ${host.port} from another machine and has the link can use the studio.`,
    );
  }
  // Read the project list while the browser loads the page, so its first request is answered from cache.
  setImmediate(() => void studio.call('projects:list', {}));

  const stop = async () => {
    await host.close();
    studio.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
