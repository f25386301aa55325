/**
 * Serves Pyodide's runtime files from the site's own origin: in dev from
 * node_modules, in the build as assets emitted to `dist/pyodide/`. Either way
 * they are at `<base>pyodide/<file>`, so the page computes
 * `new URL('pyodide/', document.baseURI)` and hands that absolute URL to the
 * worker as `indexURL` (a worker has no `document`). Never a CDN: the site
 * must work offline and from any sub-path.
 *
 * Beside them, the memory snapshot the worker starts Python from
 * (app/runtime/host/nodeSnapshot.ts): made once per build, and in dev on the
 * first request for it (again when the runtime's files have changed since).
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import type * as NodeSnapshot from '../../app/runtime/host/nodeSnapshot.ts';

/**
 * The files `loadPyodide` fetches or imports from its `indexURL`, every one
 * of them on every visit (bench:app lists what a cold visit downloads).
 * Not `pyodide.mjs`, `loadPyodide` itself: the worker's bundle holds it.
 */
export const PYODIDE_FILES = [
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const;

const MIME_TYPES: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json; charset=utf-8',
  '.gz': 'application/gzip',
};

/** Snapshot file names (snapshotKey.ts): the dev server makes the one asked for. */
const SNAPSHOT_FILE = /^snapshot-[0-9a-f]{16}\.bin\.gz$/;

/** Loaded when a snapshot is wanted: it boots Pyodide, which the other commands never need. */
function snapshotMaker(): Promise<typeof NodeSnapshot> {
  return import('../../app/runtime/host/nodeSnapshot.ts');
}

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
      let snapshot: Promise<NodeSnapshot.Snapshot> | null = null;
      /**
       * The snapshot named `file` if it is the one of the runtime's files as
       * they are now (made again when they changed since the last), or null.
       */
      const snapshotNamed = async (file: string): Promise<NodeSnapshot.Snapshot | null> => {
        const maker = await snapshotMaker();
        if (maker.currentSnapshotFileName() !== file) return null;
        if (!snapshot || (await snapshot).fileName !== file) snapshot = maker.makeSnapshot();
        return snapshot;
      };
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
        const file = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : '';
        if (!known.has(file) && !SNAPSHOT_FILE.test(file)) {
          next();
          return;
        }
        // Vite applies `server.headers` (COOP/COEP) per middleware, not globally.
        for (const [name, value] of Object.entries(server.config.server.headers)) {
          if (value !== undefined) res.setHeader(name, value);
        }
        res.setHeader('Content-Type', mimeType(file));
        if (known.has(file)) {
          const path = join(sourceDir, file);
          res.setHeader('Content-Length', statSync(path).size);
          createReadStream(path).pipe(res);
          return;
        }
        snapshotNamed(file).then(
          (made) => {
            if (!made) {
              // An old page's worker asks for a snapshot of files that changed: it boots without.
              res.statusCode = 404;
              res.end();
              return;
            }
            res.setHeader('Content-Length', made.gzipped.byteLength);
            res.end(made.gzipped);
          },
          (error: unknown) => {
            server.config.logger.error(`The memory snapshot could not be made: ${String(error)}`);
            res.statusCode = 500;
            res.end();
          },
        );
      });
    },

    async generateBundle() {
      for (const file of PYODIDE_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `${URL_DIR}${file}`,
          source: readFileSync(join(sourceDir, file)),
        });
      }
      const snapshot = await (await snapshotMaker()).makeSnapshot();
      this.emitFile({
        type: 'asset',
        fileName: `${URL_DIR}${snapshot.fileName}`,
        source: snapshot.gzipped,
      });
    },
  };
}
