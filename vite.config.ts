import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Rolldown } from 'vite';
import { contentSecurityPolicy, policyOfBuiltPage } from './tools/vite/contentSecurityPolicy.ts';
import { lessonCatalog } from './tools/vite/lessonCatalog.ts';
import {
  LESSON_ORIGINS_VARIABLE,
  lessonOrigins,
  parseLessonOrigins,
} from './tools/vite/lessonOrigins.ts';
import { pyodideAssets } from './tools/vite/pyodideAssets.ts';
import { serviceWorker } from './tools/vite/serviceWorker.ts';

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

/** Other sites lesson files may come from, as the site owner listed them at build time. */
const LESSON_ORIGINS = parseLessonOrigins(process.env[LESSON_ORIGINS_VARIABLE]);

/**
 * A host that sets headers: isolation, and the built page's own policy as a
 * header too, so that the sandbox worker (a file of its own, which does not
 * inherit the page's `<meta>` policy) gets it. Without them (`LOOPSCOPE_ISOLATION=off`),
 * preview is a static host: the `<meta>` policy of the built index.html only.
 * The dev server sends no policy (tools/vite/contentSecurityPolicy.ts).
 */
function previewHeaders(): Record<string, string> {
  if (process.env.LOOPSCOPE_ISOLATION === 'off') return {};
  const page = fileURLToPath(new URL('./dist/index.html', import.meta.url));
  const policy = existsSync(page) ? policyOfBuiltPage(readFileSync(page, 'utf8')) : null;
  return {
    ...crossOriginIsolation,
    ...(policy === null ? {} : { 'Content-Security-Policy': policy }),
  };
}

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

/**
 * Chunks that change at different paces, so a deploy does not invalidate
 * Monaco's megabytes in the cache. What the page needs before its first
 * paint is the entry (app code), `vendor` and Rolldown's tiny runtime; Monaco
 * is loaded by `import()` (app/features/editor/monaco.ts) into the
 * `monaco-editor` chunk and the small app chunk that wraps it.
 *
 * Priorities matter: a group also captures the dependencies of its modules,
 * and Monaco's lazy language loaders use Vite's preload helper, which the
 * entry needs too. Unless a higher-priority group claims the helper first,
 * the `monaco-editor` chunk takes it and the entry imports that whole chunk
 * statically (TOOLCHAIN.md).
 */
const CHUNK_GROUPS: Rolldown.CodeSplittingGroup[] = [
  {
    name: 'vendor',
    test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]|^\0vite[\\/]preload-helper/,
    priority: 20,
  },
  { name: 'monaco-editor', test: /node_modules[\\/]monaco-editor[\\/]/, priority: 10 },
];

export default defineConfig(({ isPreview }) => ({
  // Relative asset URLs: dist/ works from any sub-path (e.g. GitHub Pages).
  base: './',
  plugins: [
    react(),
    pyodideAssets(),
    contentSecurityPolicy(LESSON_ORIGINS),
    lessonOrigins(LESSON_ORIGINS),
    lessonCatalog(fileURLToPath(new URL('./lessons', import.meta.url))),
    serviceWorker(),
  ],
  // Pyodide 314 refuses classic workers.
  worker: { format: 'es', rolldownOptions: { onLog: hidePyodideNodeImports } },
  build: {
    // The lazily loaded `monaco-editor` chunk is ~3.4 MB (~0.9 MB gzip) by
    // design; the entry's budget is checked by e2e/editor.spec.ts instead.
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      onLog: hidePyodideNodeImports,
      // The site, and the page instructors embed (docs/embedding.md).
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./embed.html', import.meta.url)),
      },
      output: { codeSplitting: { groups: CHUNK_GROUPS } },
    },
  },
  // Pre-bundling Pyodide breaks its own file lookups in dev.
  optimizeDeps: { exclude: ['pyodide'] },
  server: { headers: crossOriginIsolation },
  preview: { headers: isPreview ? previewHeaders() : {} },
}));
