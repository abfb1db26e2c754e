import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../main/electron/ipc-sender';

const DEV_URL = 'http://localhost:5173/';
const PROD_URL = 'file:///opt/loreweaver/out/renderer/index.html';

describe('IPC sender check', () => {
  it('accepts frames showing the studio renderer', () => {
    expect(isTrustedSender('http://localhost:5173/', DEV_URL)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/#/projects', DEV_URL)).toBe(true);
    expect(isTrustedSender(PROD_URL, PROD_URL)).toBe(true);
    expect(isTrustedSender(`${PROD_URL}?view=quests`, PROD_URL)).toBe(true);
  });

  it('rejects other origins', () => {
    for (const url of ['https://example.com/', 'http://localhost:8080/', 'http://127.0.0.1:5173/', 'https://localhost:5173/']) {
      expect(isTrustedSender(url, DEV_URL), url).toBe(false);
    }
    expect(isTrustedSender('http://localhost:5173/', PROD_URL)).toBe(false);
  });

  it('rejects about:blank, data: and blob: frames', () => {
    for (const appUrl of [DEV_URL, PROD_URL]) {
      expect(isTrustedSender('about:blank', appUrl)).toBe(false);
      expect(isTrustedSender('about:srcdoc', appUrl)).toBe(false);
      expect(isTrustedSender('data:text/html,<p>x</p>', appUrl)).toBe(false);
      expect(isTrustedSender('blob:http://localhost:5173/0f9c3a8e', appUrl)).toBe(false);
    }
  });

  it('rejects file URLs outside the renderer folder', () => {
    for (const url of [
      'file:///tmp/evil.html',
      'file:///opt/loreweaver/out/index.html',
      'file:///opt/loreweaver/out/renderer2/index.html',
      'file:///opt/loreweaver/out/renderer/../../evil.html',
    ]) {
      expect(isTrustedSender(url, PROD_URL), url).toBe(false);
    }
    expect(isTrustedSender(PROD_URL, DEV_URL)).toBe(false);
  });

  it('rejects a frame that is gone or has no URL', () => {
    expect(isTrustedSender(undefined, PROD_URL)).toBe(false);
    expect(isTrustedSender(null, PROD_URL)).toBe(false);
    expect(isTrustedSender('', PROD_URL)).toBe(false);
  });
});
