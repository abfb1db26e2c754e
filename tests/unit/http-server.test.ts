import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startHttpHost, type HttpHost } from '../../main/server/http-server';
import { parseServeOptions } from '../../main/server/options';
import { tokensMatch } from '../../main/server/request-guard';
import { methods } from '../../preload/api';
import { makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

/** Every timingSafeEqual call's argument lengths, to show token checks never compare buffers of the token's own length. */
const compared = vi.hoisted(() => [] as [number, number][]);
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return {
    ...actual,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.push([a.byteLength, b.byteLength]);
      return actual.timingSafeEqual(a, b);
    },
  };
});

const tempDir = useTempDirs();
const TOKEN = 'abc';
let host: HttpHost | null = null;

afterEach(async () => {
  await host?.close();
  host = null;
});

async function start() {
  const dir = tempDir();
  const ui = join(dir, 'ui');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>studio</title>');
  writeFileSync(join(ui, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  host = await startHttpHost(makeStudio(join(dir, 'ws')), { host: '127.0.0.1', port: 0, token: TOKEN, staticDir: ui });
  return host;
}

const call = (h: HttpHost, method: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  fetch(`${h.url}/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A raw request, so the test controls the Host and Origin headers exactly. */
function raw(
  h: HttpHost,
  path: string,
  headers: Record<string, string>,
  method = 'POST',
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: h.port, path, method, headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}
const rawGet = async (h: HttpHost, path: string, headers: Record<string, string>) => (await raw(h, path, headers)).status;

/** The HTTP status a WebSocket handshake gets (101 when it opens). */
function upgradeStatus(url: string, options: WebSocket.ClientOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('error', reject);
  });
}

/** An address of this machine other than loopback, if it has one. */
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe('the automation API', () => {
  it('answers health without a token', async () => {
    const h = await start();
    const response = await fetch(`${h.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: { name: 'loreweaver', version: '0.0.0-test' } });
  });

  it('answers 401 without a token or with a wrong one', async () => {
    const h = await start();
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer wrong' },
      { authorization: TOKEN },
      { authorization: 'Bearer abcd' },
    ]) {
      const response = await call(h, 'projects:list', {}, headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('requires the token in the Authorization header on every method of the contract', async () => {
    const h = await start();
    const wrong: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Bearer ${TOKEN.slice(0, 2)}` },
      { authorization: 'Bearer ' },
    ];
    for (const method of Object.keys(methods)) {
      for (const headers of wrong) expect((await call(h, method, {}, headers)).status, `${method} ${JSON.stringify(headers)}`).toBe(401);
      // ?token= is for the event stream only: a call with it in the address (and so in logs and history) is refused.
      const query = await fetch(`${h.url}/api/call/${method}?token=${TOKEN}`, { method: 'POST', body: '{}' });
      expect(query.status, method).toBe(401);
    }
    expect((await call(h, 'projects:list', {})).status).toBe(200);
  });

  it('compares tokens in constant time, whatever their length', () => {
    compared.length = 0;
    const token = 'k3y-0123456789';
    expect(tokensMatch(token, token)).toBe(true);
    for (const guess of ['', 'k', token.slice(0, -1), `${token}0`, token.toUpperCase(), 'x'.repeat(10_000), 'ключ-0123456789']) {
      expect(tokensMatch(guess, token), guess).toBe(false);
    }
    // Every comparison ran timingSafeEqual over two 32-byte digests, never over the tokens themselves.
    expect(compared).toEqual(Array.from({ length: 8 }, () => [32, 32]));
  });

  it('runs methods with the token and answers Result values', async () => {
    const h = await start();
    const created = await (await call(h, 'projects:create', { name: 'Over HTTP' })).json();
    expect(created).toMatchObject({ ok: true, value: { name: 'Over HTTP' } });
    const listed = await (await call(h, 'projects:list', {})).json();
    expect(listed.value.map((p: { name: string }) => p.name)).toEqual(['Over HTTP']);
  });

  it('answers 404 for unknown methods, 400 for bad JSON and 409 without an open project', async () => {
    const h = await start();
    expect((await call(h, 'projects:explode', {})).status).toBe(404);
    const bad = await call(h, 'projects:list', '{not json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_input', message: 'Request body is not valid JSON' } });
    expect((await call(h, 'content:list', { kind: 'npc' })).status).toBe(409);
  });

  it('refuses requests from other origins and other host names', async () => {
    const h = await start();
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    expect(await rawGet(h, '/api/call/projects:list', { ...auth, host: `127.0.0.1:${h.port}` })).toBe(200);
    expect(await rawGet(h, '/api/call/projects:list', { ...auth, host: `127.0.0.1:${h.port}`, origin: 'https://evil.example' })).toBe(403);
    expect(await rawGet(h, '/api/call/projects:list', { ...auth, host: `evil.example:${h.port}` })).toBe(403);
    expect(await rawGet(h, '/api/call/projects:list', { ...auth, host: `localhost:${h.port}`, origin: `http://localhost:${h.port}` })).toBe(
      200,
    );
    for (const origin of [
      'null',
      `http://127.0.0.1:${h.port}.evil.example`,
      `https://127.0.0.1:${h.port}`,
      `http://localhost:${h.port}`,
      'file://',
    ]) {
      expect(await rawGet(h, '/api/call/projects:list', { ...auth, host: `127.0.0.1:${h.port}`, origin }), origin).toBe(403);
    }
  });

  it('never sends CORS headers, preflight included', async () => {
    const h = await start();
    const host = `127.0.0.1:${h.port}`;
    const preflight = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' };
    for (const origin of [undefined, `http://${host}`, 'https://evil.example', 'null']) {
      for (const [method, path] of [
        ['OPTIONS', '/api/call/projects:list'],
        ['OPTIONS', '/api/health'],
        ['OPTIONS', '/api/events'],
        ['OPTIONS', '/'],
        ['GET', '/api/health'],
        ['POST', '/api/call/projects:list'],
        ['POST', '/api/call/nope'],
        ['GET', '/'],
      ]) {
        const headers = {
          host,
          authorization: `Bearer ${TOKEN}`,
          ...(origin ? { origin } : {}),
          ...(method === 'OPTIONS' ? preflight : {}),
        };
        const response = await raw(h, path, headers, method);
        const cors = Object.keys(response.headers).filter((name) => name.startsWith('access-control-'));
        expect(cors, `${method} ${path} from ${origin}`).toEqual([]);
        if (origin && origin !== `http://${host}`) expect(response.status, `${method} ${path} from ${origin}`).toBe(403);
      }
    }
  });

  it.skipIf(!externalAddress)('listens on loopback only by default', async () => {
    const h = await start();
    expect(parseServeOptions([]).host).toBe('127.0.0.1');
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      const socket = connect({ host: externalAddress, port: h.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(null);
      });
      socket.once('error', resolve);
    });
    expect(error?.code).toBe('ECONNREFUSED');
  });

  it('streams events over the WebSocket only with the token', async () => {
    const h = await start();
    const wsUrl = h.url.replace('http', 'ws');
    for (const [url, options] of [
      [`${wsUrl}/api/events`, {}],
      [`${wsUrl}/api/events?token=nope`, {}],
      [`${wsUrl}/api/events?token=${'x'.repeat(TOKEN.length)}`, {}],
      [`${wsUrl}/api/events?token=${TOKEN}`, { origin: 'https://evil.example' }],
      [`${wsUrl}/api/events?token=${TOKEN}`, { headers: { host: `evil.example:${h.port}` } }],
      [`${wsUrl}/api/other?token=${TOKEN}`, {}],
    ] as const) {
      expect(await upgradeStatus(url, options), `${url} ${JSON.stringify(options)}`).toBe(401);
    }
    expect(await upgradeStatus(`${wsUrl}/api/events`, { headers: { authorization: `Bearer ${TOKEN}` } })).toBe(101);

    const socket = new WebSocket(`${wsUrl}/api/events?token=${TOKEN}`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const received = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    await call(h, 'projects:create', { name: 'Evented' });
    expect(await received).toEqual({ name: 'projects:changed', payload: { reason: 'created' } });
    socket.close();
  });

  it('serves the UI with a strict CSP and never files outside it', async () => {
    const h = await start();
    const page = await fetch(`${h.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(`${h.url}/assets/app.js`)).text()).toBe('console.log(1)');
    expect((await fetch(`${h.url}/%E0%A4%A`)).status).toBe(400);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await fetch(`${h.url}${path}`);
      expect(await response.text()).not.toContain('do not serve');
    }
  });
});

describe('serve options', () => {
  it('reads --port, --data-dir, --token and --host', () => {
    const options = parseServeOptions(['--port', '4310', '--data-dir', '/some/dir', '--token', 'abc']);
    expect(options).toMatchObject({ port: 4310, token: 'abc', workspaceDir: '/some/dir', workspaceLocked: true, host: '127.0.0.1' });
    expect(options.configDir).toBe('/some/dir/.loreweaver');
    expect(parseServeOptions(['--host', '0.0.0.0']).host).toBe('0.0.0.0');
    expect(parseServeOptions([]).token).toMatch(/^[\w-]{20,}$/);
    expect(parseServeOptions([]).fileRoots).toBeUndefined();
    expect(parseServeOptions(['--allow-dir', '/srv/packs', '--allow-dir', 'rel']).fileRoots).toEqual([
      '/srv/packs',
      join(process.cwd(), 'rel'),
    ]);
  });

  it('rejects bad values with a clear message', () => {
    expect(() => parseServeOptions(['--port', 'eighty'])).toThrow(/--port must be a number/);
    expect(() => parseServeOptions(['--token', 'has spaces'])).toThrow(/--token/);
    expect(() => parseServeOptions(['--bogus'])).toThrow();
  });
});
