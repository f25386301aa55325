// Python starts from the build's memory snapshot (issue 13), and whatever is
// wrong with the snapshot, it starts anyway, the usual way, without a word to
// the learner: the status says Ready and the seed example prints its lines.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Page, Route } from '@playwright/test';
import { version, type PyodideAPI } from 'pyodide';
import { loadInterpreter, readRuntimeSources } from '../app/runtime/host/nodePython';
import { packSnapshot } from '../app/runtime/host/nodeSnapshot';
import { installRuntime, recordSnapshotKey } from '../app/runtime/host/pythonRuntime';
import { snapshotKey } from '../app/runtime/host/snapshotKey';
import {
  expect,
  FINISHED,
  Playground,
  PYTHON_START_TIMEOUT,
  SEED_OUTPUT,
  SEED_PROGRAM,
  test,
} from './fixtures';

const SNAPSHOT = '**/pyodide/snapshot-*.bin.gz';
const SNAPSHOT_URL = /\/pyodide\/snapshot-[0-9a-f]{16}\.bin\.gz$/;

// Each test of a broken snapshot starts Python the usual way, which a busy machine takes long over.
test.describe.configure({ timeout: 180_000 });

// The run starts the next run's worker, whose snapshot may still be on its way through a route.
test.afterEach(async ({ page }) => {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

/**
 * Python is ready after one download of the interpreter's wasm (a boot after
 * a snapshot that failed uses the wasm compiled beside it), and runs the
 * seed example as if nothing had happened. Counted before the run, which
 * starts the next run's interpreter beside it.
 */
async function expectPythonWorks(playground: Playground): Promise<void> {
  await expect(playground.status).toHaveText('Ready', { timeout: PYTHON_START_TIMEOUT });
  expect(playground.interpreterLoads()).toBe(1);
  await playground.expectProgram(SEED_PROGRAM);
  await playground.runButton.click();
  await expect(playground.status).toHaveText(FINISHED);
  await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
}

test('Python starts from the site’s own snapshot', async ({ playground }) => {
  await expect(playground.status).toHaveText('Ready', { timeout: PYTHON_START_TIMEOUT });
  expect(playground.requests.filter((url) => SNAPSHOT_URL.test(url))).toHaveLength(1);
  await expectPythonWorks(playground);
});

/**
 * Opens the playground with the snapshot's requests answered by `respond`
 * from the first visit on (not the `playground` fixture, which would open
 * the page once first with the real snapshot).
 */
async function openWithSnapshot(
  page: Page,
  respond: (route: Route) => Promise<void>,
): Promise<Playground> {
  await page.route(SNAPSHOT, respond);
  const playground = new Playground(page);
  await playground.open();
  return playground;
}

/** A snapshot made here after `prepare`, packed as the build ships it. */
async function snapshotAfter(prepare: (pyodide: PyodideAPI) => void): Promise<Buffer> {
  const pyodide = await loadInterpreter({ _makeSnapshot: true });
  prepare(pyodide);
  return Buffer.from(packSnapshot(pyodide.makeMemorySnapshot()));
}

/** Bare Pyodide, without the runtime: another build's snapshot, as far as the page can tell. */
function foreignSnapshot(): Promise<Buffer> {
  return snapshotAfter(() => undefined);
}

/** This build's key and runtime, but a runtime that cannot run a program. */
function brokenSnapshot(): Promise<Buffer> {
  return snapshotAfter((pyodide) => {
    const sources = readRuntimeSources();
    installRuntime(pyodide, sources);
    recordSnapshotKey(pyodide, snapshotKey(version, sources));
    pyodide.runPython('import loopscope_runtime.runner as runner\nrunner.run_environment = None');
  });
}

const BROKEN: readonly { what: string; body: (real: Buffer) => Promise<Buffer> | Buffer }[] = [
  { what: 'is cut short', body: (real) => real.subarray(0, real.length >> 1) },
  {
    what: 'is garbage that unpacks',
    body: () => gzipSync(Buffer.alloc(4 << 20, 'not a snapshot of anything ')),
  },
  { what: 'is garbage', body: () => Buffer.alloc(1 << 20, 7) },
  { what: 'is another build’s', body: foreignSnapshot },
  { what: 'loads but cannot run a program', body: brokenSnapshot },
];

/**
 * The build's own snapshot for a request of it, read from dist/ (which the
 * preview server serves) rather than fetched: fetching it again from Node
 * once failed with a connection reset, and these tests are about the page.
 */
function builtSnapshot(route: Route): Promise<Buffer> {
  const file = new URL(route.request().url()).pathname.split('/').pop() ?? '';
  return readFile(new URL(`../dist/pyodide/${file}`, import.meta.url));
}

for (const { what, body } of BROKEN) {
  test(`when the snapshot ${what}, Python starts the usual way`, async ({ page }) => {
    const playground = await openWithSnapshot(page, async (route) => {
      await route.fulfill({ body: await body(await builtSnapshot(route)) });
    });
    await expectPythonWorks(playground);
  });
}

test('when the snapshot is missing, Python starts the usual way', async ({ page }) => {
  const playground = await openWithSnapshot(page, (route) =>
    route.fulfill({ status: 404, body: 'Not Found' }),
  );
  await expectPythonWorks(playground);
});
