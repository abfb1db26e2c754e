import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME } from './app-url';
import { rendererFile } from './renderer-file';

/**
 * Makes the app scheme a standard, secure origin (before the app is ready): the renderer
 * gets a real origin of its own, unlike file://, where every file on disk shares one.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer's files on the app scheme, and nothing outside its folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFile(request.url, rendererDir);
    return file ? net.fetch(pathToFileURL(file).href) : new Response('Not found', { status: 404 });
  });
}
