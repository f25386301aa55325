/**
 * The benchmarks' static server: serves built files under URL prefixes with
 * cross-origin isolation (COOP/COEP, which Pyodide's interrupt buffer needs),
 * the way a static host serving the site from a sub-path would.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A URL prefix served from a folder. */
export interface Mount {
  readonly prefix: string;
  readonly dir: string;
}

/**
 * Serves files under `mounts` (longest prefix first) with cross-origin
 * isolation. Caching as on GitHub Pages: fresh for ten minutes, then
 * revalidated by ETag, so a second load in a persistent profile is served from
 * the browser's cache.
 */
export async function startServer(
  mounts: readonly Mount[],
): Promise<{ origin: string; server: Server; close: () => Promise<void> }> {
  const ordered = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      const mount = ordered.find((m) => pathname.startsWith(m.prefix));
      if (!mount) {
        const folder = `${pathname}/`;
        if (mounts.some((m) => m.prefix === folder)) {
          response.writeHead(301, { Location: folder }).end();
        } else {
          response.writeHead(404).end();
        }
        return;
      }
      let file = resolve(mount.dir, `.${sep}${pathname.slice(mount.prefix.length)}`);
      if (pathname.endsWith('/')) file = join(file, 'index.html');
      if (!file.startsWith(mount.dir + sep)) {
        response.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        response.writeHead(404).end();
        return;
      }
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const headers = {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Cache-Control': 'max-age=600',
        ETag: etag,
        'Last-Modified': info.mtime.toUTCString(),
      };
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers).end();
        return;
      }
      response.writeHead(200, {
        ...headers,
        'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
      });
      if (request.method === 'HEAD') {
        response.end();
      } else {
        createReadStream(file).pipe(response);
      }
    })().catch((error: unknown) => {
      console.error('bench server:', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => {
          done();
        });
        server.closeAllConnections();
      }),
  };
}
