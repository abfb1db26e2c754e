import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RangeServerOptions {
  /** Bytes per write and the pause between writes, to make a download take a while. */
  chunkBytes?: number;
  delayMs?: number;
  /** Stop sending (and hold the connection open) after this many bytes of one response. */
  stallAfterBytes?: number;
  /** Accept connections but never answer. */
  silent?: boolean;
}

export interface RangeServer {
  url(path: string): string;
  /** Range headers received, in order ("none" for full requests). */
  ranges: string[];
  close(): Promise<void>;
}

/** A local file server with HTTP Range support, for download tests (no network needed). */
export async function startRangeServer(files: Record<string, Buffer>, options: RangeServerOptions = {}): Promise<RangeServer> {
  const ranges: string[] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((request, response) => {
    if (options.silent) return;
    const body = files[decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)];
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    const range = request.headers.range;
    ranges.push(range ?? 'none');
    let start = 0;
    let end = body.length - 1;
    const match = range ? /bytes=(\d+)-(\d*)/.exec(range) : null;
    if (match) {
      start = Number(match[1]);
      end = match[2] ? Number(match[2]) : end;
    }
    const slice = body.subarray(start, end + 1);
    response.writeHead(match ? 206 : 200, {
      'content-length': slice.length,
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
      ...(match ? { 'content-range': `bytes ${start}-${end}/${body.length}` } : {}),
    });
    if (request.method === 'HEAD') return void response.end();
    open.add(response);
    response.on('close', () => open.delete(response));
    const chunk = options.chunkBytes ?? slice.length;
    let offset = 0;
    const pump = () => {
      if (response.destroyed) return;
      if (options.stallAfterBytes !== undefined && offset >= options.stallAfterBytes) return;
      const next = slice.subarray(offset, offset + chunk);
      offset += next.length;
      if (offset >= slice.length) return void response.end(next);
      response.write(next);
      setTimeout(pump, options.delayMs ?? 0);
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    ranges,
    close: () =>
      new Promise((resolve) => {
        for (const response of open) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
