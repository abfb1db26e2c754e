import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the server: a request whose Host is this server (no DNS rebinding),
 * whose Origin, when a browser sends one, is this server, and which carries the token.
 */
export class RequestGuard {
  private readonly hosts: Set<string>;
  private readonly token: Buffer;

  constructor(
    token: string,
    bindHost: string,
    private port: number,
  ) {
    this.token = Buffer.from(token);
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

  tokenValid(request: IncomingMessage, url: URL): boolean {
    const header = request.headers.authorization;
    const presented = header?.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('token');
    if (!presented) return false;
    const given = Buffer.from(presented);
    return given.length === this.token.length && timingSafeEqual(given, this.token);
  }
}
