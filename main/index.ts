/**
 * The desktop app's entry. It only wires things together (one instance, the Studio
 * from main/core, IPC, menu, window); everything the studio does lives in main/core.
 */
import { app, BrowserWindow, dialog, shell } from 'electron';
import { defaultWorkerEntry } from './core/llm/engine-transport';
import { LlmService } from './core/llm/llm-service';
import { Studio } from './core/studio';
import { APP_VERSION } from './core/version';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { isDevServerUrl } from './electron/app-url';
import { bindStudioIpc } from './electron/ipc';
import { parseDesktopArgs } from './electron/launch-options';
import { installApplicationMenu } from './electron/menu';
import { utilityProcessTransport } from './electron/engine-utility-process';
import { electronNativeBinding } from './electron/native-binding';
import { openFolderOnly } from './electron/open-folder';
import { safeStorageBox } from './electron/safe-storage-box';
import { createMainWindow, guardWebContents, RENDERER_DIR, rendererUrl } from './electron/window';

const APP_NAME = 'Loreweaver Studio';

function createStudio(): Studio {
  const launch = parseDesktopArgs(process.argv, app.getPath('home'));
  const nativeBinding = electronNativeBinding(app.getAppPath());
  if (!nativeBinding) {
    console.warn(
      '[loreweaver] better-sqlite3 has no Electron build yet; run `node scripts/prepare-desktop.mjs` (npm start does) or projects will not open.',
    );
  }
  return new Studio({
    ...launch,
    configDir: app.getPath('userData'),
    host: 'desktop',
    version: APP_VERSION,
    nativeBinding,
    secrets: safeStorageBox(),
    createLlm: (events) => new LlmService(events, { transport: () => utilityProcessTransport(defaultWorkerEntry().script) }),
    openFolder: (path) => openFolderOnly(path, (folder) => shell.openPath(folder)),
    chooseFolder: async (title) => {
      const options = { title, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
      const window = BrowserWindow.getFocusedWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
}

function start(): void {
  const appUrl = rendererUrl();
  let mainWindow: BrowserWindow | null = null;

  const showMainWindow = (): void => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
      return;
    }
    mainWindow = createMainWindow(appUrl);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  // Every web contents, not just the main window's, gets the navigation and window.open rules.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrl));
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    if (!isDevServerUrl(appUrl)) serveRenderer(RENDERER_DIR);
    let studio: Studio;
    try {
      studio = createStudio();
    } catch (error) {
      dialog.showErrorBox(`${APP_NAME} could not start`, error instanceof Error ? error.message : String(error));
      app.exit(1);
      return;
    }
    const unbindIpc = bindStudioIpc(studio, appUrl);
    // will-quit, not before-quit: a window may still cancel the quit (unsaved work) and keep using the studio.
    app.on('will-quit', () => {
      unbindIpc();
      studio.close();
    });
    app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: APP_VERSION });
    installApplicationMenu({ dev: isDevServerUrl(appUrl), appName: APP_NAME });
    showMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showMainWindow();
    });
  });
}

app.enableSandbox();
registerAppScheme();
if (app.requestSingleInstanceLock()) start();
else app.quit();
