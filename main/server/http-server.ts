import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Studio } from '../core/studio';
import { fail, type Result } from '../domain/result';
import { HTTP_STATUS } from './http-status';
import { readJsonBody } from './json-body';
import { RequestGuard } from './request-guard';
import { serveStatic } from './static-files';

export interface HttpHostOptions {
  host: string;
  port: number;
  token: string;
  /** Folder of the built renderer; omitted, only the API is served. */
  staticDir?: string;
}

export interface HttpHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const CALL_PREFIX = '/api/call/';

/**
 * Browser-mode host and automation API: the same Studio bound to HTTP and WebSocket.
 *   GET  /api/health                 no token
 *   POST /api/call/<method>          Bearer token, JSON input, Result out
 *   GET  /api/events                 WebSocket, token, one JSON event per message
 */
export async function startHttpHost(studio: Studio, options: HttpHostOptions): Promise<HttpHost> {
  const guard = new RequestGuard(options.token, options.host, options.port);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const version = (await studio.call('app:info', {})) as Result<{ version: string }>;
  const health = { ok: true, value: { name: 'loreweaver', version: version.ok ? version.value.version : '0.0.0' } };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[loreweaver] request failed:', error);
      if (!response.headersSent) send(response, 500, fail('internal', 'Unexpected server error'));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!guard.hostAllowed(request)) return send(response, 403, fail('forbidden', 'Unknown Host header'));
    if (!guard.originAllowed(request)) return send(response, 403, fail('forbidden', 'Cross-origin requests are not allowed'));
    const url = new URL(request.url ?? '/', 'http://localhost');

    if (url.pathname === '/api/health') return send(response, 200, health);

    if (url.pathname.startsWith(CALL_PREFIX)) {
      if (request.method !== 'POST') return send(response, 405, fail('invalid_input', 'Use POST for /api/call'));
      if (!guard.tokenValid(request)) {
        return send(response, 401, fail('unauthorized', 'Missing or wrong access token. Use the link printed by `npm run serve`.'));
      }
      const body = await readJsonBody(request);
      if (!body.ok) {
        // The rest of a refused body is not read: the connection closes after the answer.
        if (body.error.code === 'too_large') response.shouldKeepAlive = false;
        return send(response, HTTP_STATUS[body.error.code], body);
      }
      const method = decodeMethod(url.pathname.slice(CALL_PREFIX.length));
      if (method === null)
        return send(response, 400, fail('invalid_input', 'The method name in the address is not valid percent-encoding'));
      const result = await studio.call(method, body.value);
      return send(response, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
    }

    if (url.pathname.startsWith('/api/')) return send(response, 404, fail('unknown_method', `No such endpoint ${url.pathname}`));
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, fail('invalid_input', 'Method not allowed'));
    if (!options.staticDir) return send(response, 404, fail('not_found', 'This server has no UI'));
    serveStatic(options.staticDir, request, response, url.pathname);
  }

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const allowed =
      url.pathname === '/api/events' && guard.hostAllowed(request) && guard.originAllowed(request) && guard.tokenValid(request, url);
    if (!allowed) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attachEvents(studio, ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard.setPort(port);
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function attachEvents(studio: Studio, ws: WebSocket): void {
  const unsubscribe = studio.events.subscribe((event) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
  });
  const ping = setInterval(() => ws.ping(), 25_000);
  ws.on('close', () => {
    clearInterval(ping);
    unsubscribe();
  });
  ws.on('message', () => undefined);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}

function decodeMethod(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
