import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../main/electron/web-preferences';

describe('window web preferences', () => {
  it('isolate and sandbox the renderer, with the preload as its only bridge', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    });
  });
});
