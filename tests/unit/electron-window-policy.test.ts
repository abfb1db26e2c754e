import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, isDevServerUrl, resolveAppUrl } from '../../main/electron/app-url';
import {
  isWebLink,
  permissionCheckHandler,
  permissionRequestHandler,
  shouldAllowNavigation,
  windowOpenHandler,
} from '../../main/electron/window-policy';

const DEV_URL = 'http://localhost:5173/';
const PROD_URL = APP_ENTRY_URL;

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
      'loreweaver://app/index.html',
      'blob:http://localhost:5173/0f9c3a8e',
      'javascript:alert(1)',
      'about:blank',
      'not a url',
    ]) {
      expect(shouldAllowNavigation(url, DEV_URL), url).toBe(false);
    }
  });

  it("stays on the app scheme's own host in production", () => {
    expect(shouldAllowNavigation(PROD_URL, PROD_URL)).toBe(true);
    expect(shouldAllowNavigation(`${PROD_URL}#/projects`, PROD_URL)).toBe(true);
    expect(shouldAllowNavigation('loreweaver://app/assets/index.js', PROD_URL)).toBe(true);
  });

  it('refuses files on disk, other hosts and every other scheme in production', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///opt/loreweaver/out/renderer/index.html',
      'loreweaver://evil/index.html',
      'loreweaver://app.evil.test/index.html',
      'https://example.com/',
      'http://localhost:5173/',
      'data:text/html,<p>hi</p>',
      'about:blank',
    ]) {
      expect(shouldAllowNavigation(url, PROD_URL), url).toBe(false);
    }
  });

  it('lets no sub-frame navigate, not even to a studio page', () => {
    expect(shouldAllowNavigation(PROD_URL, PROD_URL, false)).toBe(false);
    expect(shouldAllowNavigation('http://localhost:5173/', DEV_URL, false)).toBe(false);
  });
});

describe('the renderer URL', () => {
  it('is the dev server while developing, else the app scheme', () => {
    expect(resolveAppUrl('http://localhost:5173')).toBe(DEV_URL);
    expect(resolveAppUrl(undefined)).toBe('loreweaver://app/index.html');
    expect(resolveAppUrl('javascript:alert(1)')).toBe('loreweaver://app/index.html');
    expect(resolveAppUrl('file:///opt/loreweaver/out/renderer/index.html')).toBe('loreweaver://app/index.html');
    expect(isDevServerUrl(DEV_URL)).toBe(true);
    expect(isDevServerUrl(PROD_URL)).toBe(false);
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
