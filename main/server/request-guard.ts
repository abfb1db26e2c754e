import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the server: a request whose Host is this server (no DNS rebinding),
 * whose Origin, when a browser sends one, is this server, and which carries the token:
 * in the Authorization header for calls, or also in `?token=` for the event stream,
 * since a browser cannot set headers on a WebSocket.
 */
export class RequestGuard {
  private readonly hosts: Set<string>;
  private readonly token: string;

  constructor(
    token: string,
    bindHost: string,
    private port: number,
  ) {
    this.token = token;
    this.hosts = new Set(['127.0.0.1', 'localhost', '[::1]', bindHost.includes(':') ? `[${bindHost}]` : bindHost]);
  }

  /** Called once the real port is known (after listening on port 0). */
  setPort(port: number): void {
    this.port = port;
  }

  hostAllowed(request: IncomingMessage): boolean {
    const host = request.headers.host;
    if (!host) return false;
    if (this.hosts.has('0.0.0.0') || this.hosts.has('[::]')) return true;
    return [...this.hosts].some((h) => host === `${h}:${this.port}` || (this.port === 80 && host === h));
  }

  originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    const host = request.headers.host;
    return host !== undefined && origin === `http://${host}`;
  }

  /** `streamUrl`: the event stream's address, whose `?token=` counts too; calls give none. */
  tokenValid(request: IncomingMessage, streamUrl?: URL): boolean {
    const header = request.headers.authorization;
    const presented = header?.startsWith('Bearer ') ? header.slice(7) : streamUrl?.searchParams.get('token');
    return presented !== undefined && presented !== null && tokensMatch(presented, this.token);
  }
}

/**
 * Compares tokens in time that depends on neither their contents nor their lengths: both are
 * hashed to 32 bytes first, so timingSafeEqual always compares equal lengths and a wrong
 * guess does not even reveal how long the token is.
 */
export function tokensMatch(presented: string, expected: string): boolean {
  const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
