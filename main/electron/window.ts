import { app, BrowserWindow, nativeTheme, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveAppUrl } from './app-url';
import { permissionCheckHandler, permissionRequestHandler, shouldAllowNavigation, windowOpenHandler } from './window-policy';

/** Built layout: main is out/main/index.js, the preload out/preload/index.cjs, the UI out/renderer/. */
const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');
const RENDERER_INDEX = join(import.meta.dirname, '../renderer/index.html');

/** Painted before the first frame so the window does not flash white in dark mode; matches the UI's body colour. */
const BACKGROUND = { dark: '#242424', light: '#ffffff' };

/** The renderer's URL; a packaged app never takes it from the environment. */
export function rendererUrl(): string {
  return resolveAppUrl({
    devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
    rendererIndex: RENDERER_INDEX,
  });
}

function openInBrowser(url: string): void {
  shell.openExternal(url).catch((error: unknown) => console.warn(`[loreweaver] could not open ${url}:`, error));
}

const guarded = new WeakSet<WebContents>();

/**
 * Keeps any web contents on the studio's pages: navigation elsewhere is cancelled,
 * window.open never makes a window (web links go to the system browser), and
 * <webview> cannot attach. Safe to call more than once for the same contents.
 */
export function guardWebContents(contents: WebContents, appUrl: string): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.on('will-navigate', (event) => {
    if (!shouldAllowNavigation(event.url, appUrl)) event.preventDefault();
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

  const loading = appUrl.startsWith('file:') ? window.loadFile(fileURLToPath(appUrl)) : window.loadURL(appUrl);
  loading.catch((error: unknown) => console.error(`[loreweaver] could not load the studio UI from ${appUrl}:`, error));
  return window;
}
