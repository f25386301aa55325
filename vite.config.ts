import react from '@vitejs/plugin-react';
import { defineConfig, type Rolldown } from 'vite';
import { pyodideAssets } from './tools/vite/pyodideAssets.ts';

/**
 * Cross-origin isolation makes SharedArrayBuffer available, which Pyodide's
 * interrupt buffer needs for Stop-without-restart. The built site works
 * without these headers too (Stop then restarts Python):
 * `LOOPSCOPE_ISOLATION=off` serves dev and preview without them, as a host
 * that cannot set headers would.
 */
const crossOriginIsolation: Record<string, string> =
  process.env.LOOPSCOPE_ISOLATION === 'off'
    ? {}
    : {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      };

/**
 * pyodide.mjs imports `node:*` modules only when it runs in Node; Vite stubs
 * them for the browser and warns once per module on every build. Hide those.
 */
const hidePyodideNodeImports: NonNullable<Rolldown.InputOptions['onLog']> = (
  level,
  log,
  defaultHandler,
) => {
  const text = log.message;
  if (text.includes('externalized for browser compatibility') && text.includes('/pyodide/')) return;
  defaultHandler(level, log);
};

export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path (e.g. GitHub Pages).
  base: './',
  plugins: [react(), pyodideAssets()],
  // Pyodide 314 refuses classic workers.
  worker: { format: 'es', rolldownOptions: { onLog: hidePyodideNodeImports } },
  build: { rolldownOptions: { onLog: hidePyodideNodeImports } },
  // Pre-bundling Pyodide breaks its own file lookups in dev.
  optimizeDeps: { exclude: ['pyodide'] },
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  // When Monaco is added: give Rolldown's code-splitting groups priorities,
  // or the Monaco group swallows React and the preload helper into one huge
  // entry chunk (see TOOLCHAIN.md).
});
