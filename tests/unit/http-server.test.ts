import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHttpHost, type HttpHost } from '../../main/server/http-server';
import { parseServeOptions } from '../../main/server/options';
import { makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

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
function rawGet(h: HttpHost, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: h.port, path, method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('{}');
  });
}

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
  });

  it('streams events over the WebSocket only with the token', async () => {
    const h = await start();
    const wsUrl = h.url.replace('http', 'ws');
    const denied = new WebSocket(`${wsUrl}/api/events?token=nope`);
    await new Promise((resolve) => denied.once('error', resolve));

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
  });

  it('rejects bad values with a clear message', () => {
    expect(() => parseServeOptions(['--port', 'eighty'])).toThrow(/--port must be a number/);
    expect(() => parseServeOptions(['--token', 'has spaces'])).toThrow(/--token/);
    expect(() => parseServeOptions(['--bogus'])).toThrow();
  });
});
