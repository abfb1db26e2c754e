import { app, BrowserWindow, dialog, nativeTheme, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { resolveAppUrl } from './app-url';
import { permissionCheckHandler, permissionRequestHandler, shouldAllowNavigation, windowOpenHandler } from './window-policy';

/** Built layout: main is out/main/index.js, the preload out/preload/index.cjs, the UI out/renderer/ (served on the app scheme). */
const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');
export const RENDERER_DIR = join(import.meta.dirname, '../renderer');

/** Painted before the first frame so the window does not flash white in dark mode; matches the UI's body colour. */
const BACKGROUND = { dark: '#242424', light: '#ffffff' };

/** The renderer's URL; a packaged app never takes it from the environment. */
export function rendererUrl(): string {
  return resolveAppUrl(app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);
}

function openInBrowser(url: string): void {
  shell.openExternal(url).catch((error: unknown) => console.warn(`[loreweaver] could not open ${url}:`, error));
}

const guarded = new WeakSet<WebContents>();

/**
 * Keeps any web contents on the studio's pages: navigation elsewhere is cancelled, in
 * the main frame and in every sub-frame (`will-frame-navigate` sees both; the studio has
 * no frames of its own), window.open never makes a window (web links go to the system
 * browser), and <webview> cannot attach. Safe to call more than once for the same contents.
 */
export function guardWebContents(contents: WebContents, appUrl: string): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.on('will-frame-navigate', (event) => {
    if (!shouldAllowNavigation(event.url, appUrl, event.isMainFrame)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(openInBrowser));
}

/** The studio's window, shown once its first frame is ready. */
export function createMainWindow(appUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Loreweaver Studio',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    // Written out here, as literals, so Electronegativity (npm run test:security) checks them in the built main bundle:
    // the renderer runs as a sandboxed web page in its own JavaScript world; its only way out is the preload's bridge.
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // No middle-click opening of links: they leave only through window.open and its handler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  const contents = window.webContents;
  guardWebContents(contents, appUrl);
  contents.session.setPermissionRequestHandler(permissionRequestHandler);
  contents.session.setPermissionCheckHandler(permissionCheckHandler);
  window.once('ready-to-show', () => window.show());
  // The page's beforeunload said changes are not saved yet (see use-unload-warning.ts): ask, as a browser would.
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Stay', 'Close anyway'],
      defaultId: 0,
      cancelId: 0,
      message: 'Some changes are not saved yet.',
      detail: 'They are kept while this window stays open and are sent as soon as the studio can store them.',
    });
    if (choice === 1) event.preventDefault();
  });

  window.loadURL(appUrl).catch((error: unknown) => console.error(`[loreweaver] could not load the studio UI from ${appUrl}:`, error));
  return window;
}
