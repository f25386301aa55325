/**
 * Serves Pyodide's runtime files from the site's own origin: in dev from
 * node_modules, in the build as assets emitted to `dist/pyodide/`. Either way
 * they are at `<base>pyodide/<file>`, so the page computes
 * `new URL('pyodide/', document.baseURI)` and hands that absolute URL to the
 * worker as `indexURL` (a worker has no `document`). Never a CDN: the site
 * must work offline and from any sub-path.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** The files `loadPyodide` fetches or imports from its `indexURL`. */
export const PYODIDE_FILES = [
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
  'pyodide.mjs',
] as const;

const MIME_TYPES: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json; charset=utf-8',
};

/** Folder under the site's base where the files are served. */
const URL_DIR = 'pyodide/';

function pyodideDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pyodide/package.json'));
}

function mimeType(file: string): string {
  const ext = file.slice(file.lastIndexOf('.'));
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}

export function pyodideAssets(): Plugin {
  const sourceDir = pyodideDir();
  const known = new Set<string>(PYODIDE_FILES);

  return {
    name: 'loopscope:pyodide-assets',

    configureServer(server) {
      const prefix = `${server.config.base}${URL_DIR}`;
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
        const file = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : '';
        if (!known.has(file)) {
          next();
          return;
        }
        const path = join(sourceDir, file);
        // Vite applies `server.headers` (COOP/COEP) per middleware, not globally.
        for (const [name, value] of Object.entries(server.config.server.headers)) {
          if (value !== undefined) res.setHeader(name, value);
        }
        res.setHeader('Content-Type', mimeType(file));
        res.setHeader('Content-Length', statSync(path).size);
        createReadStream(path).pipe(res);
      });
    },

    generateBundle() {
      for (const file of PYODIDE_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `${URL_DIR}${file}`,
          source: readFileSync(join(sourceDir, file)),
        });
      }
    },
  };
}
