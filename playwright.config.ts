/**
 * End-to-end tests against the production build, served from a sub-path the
 * way a static host would (the site must not assume it lives at `/`).
 *
 * Tests navigate with relative URLs (`page.goto('./')`, `page.goto('./#x')`):
 * `baseURL` ends in the sub-path, and `page.goto('/')` would leave it.
 *
 * Two servers run over the same `dist/`:
 *  - cross-origin isolated (COOP/COEP, SharedArrayBuffer, Stop interrupts
 *    Python): every `*.spec.ts` except the ones below;
 *  - not isolated (no COOP/COEP, Stop restarts Python): `*.unisolated.spec.ts`.
 *
 * The browser is Debian's Chromium (tools/ensure-chromium.sh installs it);
 * Playwright cannot download its own here.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tools/chromium';
import { chooseE2ePages } from './tools/e2ePages';

const SUB_PATH = '/loopscope/';
/**
 * The isolated server's port; the other one uses the next port. Override with
 * LOOPSCOPE_E2E_PORT when two runs share a machine.
 */
const ISOLATED_PORT = Number(process.env.LOOPSCOPE_E2E_PORT ?? 4173);
const UNISOLATED_PORT = ISOLATED_PORT + 1;

/**
 * Chromium and Playwright write profiles and caches under HOME, XDG_* and
 * TMPDIR; point them at a throwaway folder. This file is loaded again in each
 * worker process, which inherits the folder through LOOPSCOPE_E2E_HOME.
 */
function isolateBrowserHome(): void {
  if (process.env.LOOPSCOPE_E2E_HOME) return;
  const home = mkdtempSync(join(tmpdir(), 'loopscope-e2e-'));
  process.env.LOOPSCOPE_E2E_HOME = home;
  const dirs = { HOME: 'home', XDG_CONFIG_HOME: 'config', XDG_CACHE_HOME: 'cache', TMPDIR: 'tmp' };
  for (const [name, sub] of Object.entries(dirs)) {
    const dir = join(home, sub);
    mkdirSync(dir);
    process.env[name] = dir;
  }
  process.on('exit', () => {
    rmSync(home, { recursive: true, force: true });
  });
}
isolateBrowserHome();

/** Serves dist/ under SUB_PATH with `vite preview` (base './' works anywhere). */
function previewServer(port: number, isolation: 'on' | 'off') {
  return {
    command:
      `test -f dist/index.html || { echo 'dist/ is missing: run npm run build first' >&2; exit 1; }; ` +
      `exec npx vite preview --base ${SUB_PATH} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}${SUB_PATH}`,
    env: { LOOPSCOPE_ISOLATION: isolation },
    // Never reuse: a server left by another run may serve another dist/ and
    // vanish mid-run. A busy port fails fast instead (see LOOPSCOPE_E2E_PORT).
    reuseExistingServer: false,
    timeout: 60_000,
  };
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: chooseE2ePages(),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    // DOM snapshots and network, but no screencast: its frames cost each
    // test ~1.4 s of a busy machine's two cores (timelineWords.spec.ts:
    // 64–75 s without, 74–85 s with, run alternately).
    trace: { mode: 'retain-on-failure', screenshots: false },
    // The site's offline copy (app/platform/offlineCache.ts) would download
    // the whole build again in every test's fresh context: only
    // e2e/offline.spec.ts allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [
    {
      name: 'isolated',
      testIgnore: '**/*.unisolated.spec.ts',
      use: { baseURL: `http://127.0.0.1:${ISOLATED_PORT}${SUB_PATH}` },
    },
    {
      name: 'unisolated',
      testMatch: '**/*.unisolated.spec.ts',
      use: { baseURL: `http://127.0.0.1:${UNISOLATED_PORT}${SUB_PATH}` },
    },
  ],
  webServer: [previewServer(ISOLATED_PORT, 'on'), previewServer(UNISOLATED_PORT, 'off')],
});
