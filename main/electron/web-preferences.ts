import type { WebPreferences } from 'electron';

/**
 * The renderer runs as a web page: no Node, its own JavaScript world, the OS sandbox,
 * and same-origin rules. Its only way out is the preload's `window.loreweaver`.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  };
}
