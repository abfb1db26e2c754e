import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../main/electron/ipc-sender';

const DEV_URL = 'http://localhost:5173/';
const PROD_URL = 'loreweaver://app/index.html';

/** A window's main frame at `url`, as Electron's WebFrameMain reports it. */
const main = (url: string) => ({ url, parent: null });
/** A frame inside another one. */
const sub = (url: string) => ({ url, parent: main(PROD_URL) });

describe('IPC sender check', () => {
  it("accepts the main frame of a window showing the studio's renderer", () => {
    expect(isTrustedSender(main('http://localhost:5173/'), DEV_URL)).toBe(true);
    expect(isTrustedSender(main('http://localhost:5173/#/projects'), DEV_URL)).toBe(true);
    expect(isTrustedSender(main(PROD_URL), PROD_URL)).toBe(true);
    expect(isTrustedSender(main(`${PROD_URL}?view=quests`), PROD_URL)).toBe(true);
  });

  it('rejects a sub-frame, even one showing a studio page', () => {
    expect(isTrustedSender(sub(PROD_URL), PROD_URL)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: main(DEV_URL) }, DEV_URL)).toBe(false);
  });

  it('rejects other origins', () => {
    for (const url of ['https://example.com/', 'http://localhost:8080/', 'http://127.0.0.1:5173/', 'https://localhost:5173/']) {
      expect(isTrustedSender(main(url), DEV_URL), url).toBe(false);
    }
    expect(isTrustedSender(main('http://localhost:5173/'), PROD_URL)).toBe(false);
    expect(isTrustedSender(main(PROD_URL), DEV_URL)).toBe(false);
  });

  it('rejects about:blank, data:, blob: and file: frames, and other hosts of the app scheme', () => {
    for (const appUrl of [DEV_URL, PROD_URL]) {
      for (const url of [
        'about:blank',
        'about:srcdoc',
        'data:text/html,<p>x</p>',
        'blob:http://localhost:5173/0f9c3a8e',
        'blob:loreweaver://app/0f9c3a8e',
        'file:///opt/loreweaver/out/renderer/index.html',
        'file:///tmp/evil.html',
        'loreweaver://evil/index.html',
      ]) {
        expect(isTrustedSender(main(url), appUrl), url).toBe(false);
      }
    }
  });

  it('rejects a frame that is gone or has no URL', () => {
    expect(isTrustedSender(undefined, PROD_URL)).toBe(false);
    expect(isTrustedSender(null, PROD_URL)).toBe(false);
    expect(isTrustedSender(main(''), PROD_URL)).toBe(false);
  });
});
