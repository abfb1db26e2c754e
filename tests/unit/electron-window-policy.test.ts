import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { isAppUrl, isDevServerUrl, resolveAppUrl } from '../../main/electron/app-url';
import {
  isWebLink,
  permissionCheckHandler,
  permissionRequestHandler,
  shouldAllowNavigation,
  windowOpenHandler,
} from '../../main/electron/window-policy';

const DEV_URL = 'http://localhost:5173/';
const PROD_URL = 'file:///opt/loreweaver/out/renderer/index.html';

describe('navigation', () => {
  it('stays on the dev server origin in development', () => {
    expect(shouldAllowNavigation('http://localhost:5173/', DEV_URL)).toBe(true);
    expect(shouldAllowNavigation('http://localhost:5173/projects/42?tab=quests#top', DEV_URL)).toBe(true);
  });

  it('refuses other origins while on the dev server', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://localhost:5173.evil.test/',
      'http://localhost:5173@evil.test/',
      'file:///opt/loreweaver/out/renderer/index.html',
      'blob:http://localhost:5173/0f9c3a8e',
      'javascript:alert(1)',
      'about:blank',
      'not a url',
    ]) {
      expect(shouldAllowNavigation(url, DEV_URL), url).toBe(false);
    }
  });

  it('stays inside the built renderer folder in production', () => {
    expect(shouldAllowNavigation(PROD_URL, PROD_URL)).toBe(true);
    expect(shouldAllowNavigation(`${PROD_URL}#/projects`, PROD_URL)).toBe(true);
    expect(shouldAllowNavigation('file:///opt/loreweaver/out/renderer/assets/index.js', PROD_URL)).toBe(true);
  });

  it('refuses files outside the renderer folder and every other scheme in production', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///opt/loreweaver/out/main/index.js',
      'file:///opt/loreweaver/out/renderer-evil/index.html',
      'file:///opt/loreweaver/out/renderer/../main/index.js',
      'file:///opt/loreweaver/out/renderer/%2e%2e/main/index.js',
      'file:///opt/loreweaver/out/renderer/..%2f..%2fmain/index.js',
      'file:///opt/loreweaver/out/renderer/..%5c..%5cmain/index.js',
      'file://fileserver/opt/loreweaver/out/renderer/index.html',
      'https://example.com/',
      'http://localhost:5173/',
      'data:text/html,<p>hi</p>',
      'about:blank',
    ]) {
      expect(shouldAllowNavigation(url, PROD_URL), url).toBe(false);
    }
  });
});

describe('the renderer URL', () => {
  it('is the dev server while developing, else the built index.html', () => {
    const rendererIndex = '/opt/loreweaver/out/renderer/index.html';
    expect(resolveAppUrl({ devServerUrl: 'http://localhost:5173', rendererIndex })).toBe(DEV_URL);
    expect(resolveAppUrl({ devServerUrl: undefined, rendererIndex })).toBe(pathToFileURL(rendererIndex).href);
    expect(resolveAppUrl({ devServerUrl: 'javascript:alert(1)', rendererIndex })).toBe(pathToFileURL(rendererIndex).href);
    expect(isDevServerUrl(DEV_URL)).toBe(true);
    expect(isDevServerUrl(PROD_URL)).toBe(false);
  });

  it('treats any page of a renderer given as a file path as its own', () => {
    const appUrl = resolveAppUrl({ devServerUrl: undefined, rendererIndex: '/srv/Lore Weaver/out/renderer/index.html' });
    expect(isAppUrl(appUrl, appUrl)).toBe(true);
    expect(isAppUrl('file:///srv/Lore%20Weaver/out/renderer/assets/app.css', appUrl)).toBe(true);
    expect(isAppUrl('file:///srv/Lore%20Weaver/out/preload/index.cjs', appUrl)).toBe(false);
  });

  it('matches a Windows renderer whatever the case of its drive letter', () => {
    const appUrl = 'file:///c:/Program%20Files/Loreweaver/out/renderer/index.html';
    expect(isAppUrl('file:///C:/Program%20Files/Loreweaver/out/renderer/index.html', appUrl)).toBe(true);
    expect(isAppUrl('file:///C:/Program%20Files/Loreweaver/out/main/index.js', appUrl)).toBe(false);
    expect(isAppUrl('file:///D:/Program%20Files/Loreweaver/out/renderer/index.html', appUrl)).toBe(false);
  });
});

describe('window.open', () => {
  it('never opens a window and sends only web links to the system browser', () => {
    const openExternal = vi.fn();
    const handle = windowOpenHandler(openExternal);
    expect(handle({ url: 'https://docs.example.com/guide' })).toEqual({ action: 'deny' });
    expect(handle({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://docs.example.com/guide'], ['http://example.com/']]);
  });

  it('refuses file:, javascript:, data: and custom schemes without opening anything', () => {
    const openExternal = vi.fn();
    const handle = windowOpenHandler(openExternal);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://fileserver/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/etc/passwd',
      'mailto:someone@example.com',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(handle({ url }), url).toEqual({ action: 'deny' });
      expect(isWebLink(url), url).toBe(false);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      const callback = vi.fn();
      permissionRequestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with no', () => {
    expect(permissionCheckHandler()).toBe(false);
  });
});
