/**
 * `npm run bench:app`: what the playground costs on top of Pyodide itself.
 *
 * Builds the site into a temporary folder (or takes `--dist DIR`), serves it
 * from a sub-path with COOP/COEP the way a static host would, and loads it in
 * headless Debian Chromium, alternating round by round with a BASELINE: a
 * bare page, written here, whose module worker only calls `loadPyodide()`
 * from the same served `pyodide/` folder and reports ready. Prints medians:
 *
 *   - JavaScript sent before first paint, gzip: the entry scripts and
 *     modulepreloads of the built index.html (and, as a check, the JS files
 *     the page had fetched by its first contentful paint); the largest lazily
 *     loaded JS files;
 *   - navigation start to an editable editor: a focused element inside the
 *     editor named "Program" takes a typed character. Between two bounds: the
 *     frame that first drew the editor (the textarea, until Monaco replaces
 *     it), and the keystroke handled; also when Monaco was first drawn, and
 *     the main thread's long tasks until Python is ready;
 *   - navigation start to Python ready, app (status line says "Ready") against
 *     baseline (its worker posts ready), cold (fresh context: empty cache) and
 *     warm (fresh persistent profile, second load, once the first has saved
 *     the offline copy), and the ratios;
 *   - run latency: Run clicked to the seed program's last line painted: the
 *     first run, later runs clicked once the next run's Python is ready (each
 *     run gets a fresh interpreter, started as the run before ends, while a
 *     learner reads what it did), and rapid runs clicked as soon as the run
 *     before ended, which wait for that interpreter;
 *   - memory once Python is ready, app against baseline;
 *   - what a cold visit downloads (every file the page and its workers
 *     fetched during the cold loads, runs included; not the offline copy the
 *     service worker saves), raw and as a host that gzips would send it, and
 *     which of Pyodide's files in the site no load fetched;
 *   - with a service worker in the site: when the header said "Works
 *     offline" (warm profiles' first loads wait for it), and how many warm
 *     loads it answered.
 *
 * The page is found only by roles and accessible names (the editor may be the
 * textarea or Monaco). Every wait is on a condition, never a sleep. Times are
 * taken inside the page (performance.now(), from navigation start).
 * `BENCH_ROUNDS` sets the number of rounds (default 5).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import {
  buildSite,
  collectPageErrors,
  launchChromium,
  pageFailure,
  programEditor,
  repoRoot,
  SUB_PATH,
} from './benchBrowser';
import { fail, startBenchSession } from './benchSession';
import { median } from './median';
import { startServer } from './staticServer';

/** Runs of the seed program per app page; the first one is reported on its own. */
const RUNS_PER_PAGE = 6;
/** Runs per app page after those, each clicked as soon as the one before ended. */
const RAPID_RUNS_PER_PAGE = 3;
/** The baseline page's folder under the sub-path (served from a temp folder). */
const BASELINE_DIR = '__bench-baseline/';
/** The seed program's last line of output. */
const LAST_LINE = 'Hello, Bob!';
/**
 * Typed at the end of the program to prove the editor takes text, then
 * deleted. A comment sign: should Monaco replace the textarea between typing
 * and deleting it, the program still runs the same.
 */
const MARKER = '#';
/** Longest wait for any one state (Python ready, a run's output) before giving up. */
const STATE_TIMEOUT_MS = 90_000;

// -- Arguments and session ----------------------------------------------------------

const session = startBenchSession('bench:app');
const { rounds: ROUNDS, scratch, progress } = session;
const { values: args } = parseArgs({ options: { dist: { type: 'string' } } });

// -- Statistics and printing -----------------------------------------------------

const ms = (value: number): string => `${Math.round(value).toLocaleString('en')} ms`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
const size = (bytes: number): string => (bytes < 1024 * 1024 ? kb(bytes) : mb(bytes));

// -- What the built index.html sends before first paint --------------------------

interface JsFile {
  /** Path inside the site. */
  readonly path: string;
  readonly raw: number;
  readonly gzip: number;
}

function measureJs(siteDir: string, path: string): JsFile {
  const bytes = readFileSync(join(siteDir, path));
  return { path, raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** The attribute values of every `<tag>` in `html` whose attributes pass `keep`. */
function tagAttributes(
  html: string,
  tag: string,
  keep: (attributes: ReadonlyMap<string, string>) => boolean,
): ReadonlyMap<string, string>[] {
  const found: ReadonlyMap<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attributes = new Map<string, string>();
    for (const attribute of (match[1] ?? '').matchAll(
      /([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g,
    )) {
      const name = attribute[1]?.toLowerCase();
      if (name) attributes.set(name, attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
    }
    if (keep(attributes)) found.push(attributes);
  }
  return found;
}

/** Entry module scripts and modulepreload links of index.html, and every other JS file. */
function javascriptSizes(siteDir: string): { eager: JsFile[]; lazy: JsFile[] } {
  const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
  const urls = [
    ...tagAttributes(html, 'script', (a) => a.get('type') === 'module' && a.has('src')).map(
      (a) => a.get('src') ?? '',
    ),
    ...tagAttributes(html, 'link', (a) => a.get('rel') === 'modulepreload' && a.has('href')).map(
      (a) => a.get('href') ?? '',
    ),
  ];
  const eagerPaths = new Set(
    urls.map((url) => {
      if (/^[a-z]+:|^\/\//i.test(url)) fail(`index.html loads ${url} from another origin`);
      // Relative to index.html; base './' makes every URL relative.
      return new URL(url, 'http://site/').pathname.slice(1);
    }),
  );
  const allJs = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(m?js)$/.test(path))
    .map((path) => path.split(sep).join('/'));
  const eager = [...eagerPaths].map((path) => measureJs(siteDir, path));
  const lazy = allJs
    .filter((path) => !eagerPaths.has(path))
    .map((path) => measureJs(siteDir, path))
    .sort((a, b) => b.raw - a.raw);
  return { eager, lazy };
}

// -- The baseline page ------------------------------------------------------------------

/**
 * Writes a page that only boots Pyodide in a module worker and records when
 * it is ready: `loadPyodide` from Pyodide's own module beside it (the site
 * bundles its copy into its worker), Python's files from the site's folder.
 */
async function writeBaseline(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const pyodideDir = `${SUB_PATH}pyodide/`;
  copyFileSync(join(repoRoot, 'node_modules', 'pyodide', 'pyodide.mjs'), join(dir, 'pyodide.mjs'));
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Pyodide baseline</title>
  </head>
  <body>
    <p id="state">Starting Python…</p>
    <script type="module">
      const worker = new Worker('./worker.mjs', { type: 'module' });
      worker.addEventListener('message', (event) => {
        if (event.data === 'ready') {
          window.__baselineReadyAt = performance.now();
          document.getElementById('state').textContent = 'Ready';
        } else {
          window.__baselineError = String(event.data);
        }
      });
      worker.addEventListener('error', (event) => {
        window.__baselineError = event.message || 'the worker failed to load';
      });
    </script>
  </body>
</html>
`,
  );
  await writeFile(
    join(dir, 'worker.mjs'),
    `import { loadPyodide } from './pyodide.mjs';
try {
  await loadPyodide({
    indexURL: new URL('${pyodideDir}', self.location.href).href,
    env: { PYTHONHASHSEED: '0' },
    stdout: () => undefined,
    stderr: () => undefined,
  });
  postMessage('ready');
} catch (error) {
  postMessage(\`failed: \${error}\`);
}
`,
  );
}

// -- Loading a page ---------------------------------------------------------------------

/** What one load of a page measured; times are from navigation start. */
interface Load {
  readonly readyMs: number;
  /** App only. */
  readonly editable: Editable | null;
  /** When Monaco was first drawn, if it had replaced the textarea by Python ready (app only). */
  readonly codeEditorMs: number | null;
  readonly firstPaintMs: number | null;
  /** Measured once Python is ready (cold loads only). */
  readonly memory: Memory | null;
  /** The main thread's long tasks until Python was ready (app only). */
  readonly longTasks: LongTasks | null;
  /** JS files the page had fetched by first contentful paint (paths inside the site). */
  readonly jsBeforePaint: readonly string[];
  /** Run click to last line painted, one per run, the next Python ready (app cold loads only). */
  readonly runMs: readonly number[];
  /** The same for runs clicked as soon as the run before ended. */
  readonly rapidMs: readonly number[];
  /** Files the page and its workers fetched (cold loads only; paths inside the site). */
  readonly fetched: readonly string[];
  /** Whether the site's service worker answered the page (app only). */
  readonly fromServiceWorker: boolean | null;
  /** When the header said "Works offline", if the load waited for it (app only). */
  readonly offlineSavedMs: number | null;
}

interface LoadOptions {
  /** Measures the page's memory; null for none. */
  readonly measureMemory: ((page: Page) => Promise<Memory>) | null;
  /** How many times to run the seed program once Python is ready, then at once (app only). */
  readonly runs: { readonly ready: number; readonly rapid: number };
  /** Waits, after the runs, until the site's offline copy is saved (app, sites with sw.js). */
  readonly awaitOfflineCopy: boolean;
}

/** Main-thread tasks over 50 ms (the Long Tasks API), as a page loads. */
interface LongTasks {
  readonly totalMs: number;
  readonly longestMs: number;
}

/** Memory once Python is ready, after a garbage collection on the main thread. */
interface Memory {
  /** The main thread's JS heap (CDP `Performance.getMetrics` JSHeapUsedSize). */
  readonly mainHeap: number;
  /**
   * The JS heaps of the page and its workers (`measureUserAgentSpecificMemory`,
   * which does not count WebAssembly memory); null if unavailable.
   */
  readonly jsHeaps: number | null;
  /** PSS of the page's renderer process (page, worker, wasm memory); null off Linux. */
  readonly renderer: number | null;
}

/** What the page records for the benchmark from its first moment (an init script). */
interface PageProbe {
  /** When the page handled each keydown of the marker, before any handler of its own. */
  readonly markerKeydowns: number[];
  /**
   * The batch of insertions `node`, or the ancestor it came in with, entered
   * the document in; its `frame` is the first animation frame after (when it
   * was first drawn), NaN until then. Kept by reference: it outlives the node.
   */
  readonly batchOf: (node: Node) => { frame: number } | null;
  /** The batch the first editor the benchmark found came in with. */
  firstEditor: { frame: number } | null;
  /** The main thread's long tasks (over 50 ms): start and duration. */
  readonly longTasks: { start: number; duration: number }[];
}

// Functions handed to the page are serialized: they must not declare named
// functions or arrow-function variables, which tsx wraps in a `__name` helper
// the page does not have.

/** Installs the page's probe (see PageProbe). */
/**
 * Counts the sandbox workers the page starts and those that said they are
 * ready, so that a run can be clicked once the newest one is
 * (`window.__benchSandbox`).
 */
function watchSandboxWorkers(): void {
  const state = { made: 0, ready: 0 };
  Object.defineProperty(window, '__benchSandbox', { value: state });
  window.Worker = class extends window.Worker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name !== 'loopscope-sandbox') return;
      state.made += 1;
      this.addEventListener('message', (event: MessageEvent<unknown>) => {
        const data = event.data as { type?: unknown; phase?: unknown } | null;
        if (data?.type === 'status' && data.phase === 'ready') state.ready += 1;
      });
    }
  };
}

/** Waits until the page's newest sandbox worker said it is ready. */
async function nextPythonReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const { made, ready } = (
        window as unknown as { __benchSandbox: { made: number; ready: number } }
      ).__benchSandbox;
      return made > 0 && ready === made;
    },
    undefined,
    { timeout: STATE_TIMEOUT_MS },
  );
}

function installProbe(marker: string): void {
  /** One per batch of insertions; `frame` is filled in by the next animation frame. */
  const inserted = new WeakMap<Node, { frame: number }>();
  const probe = { markerKeydowns: [], longTasks: [], firstEditor: null } as unknown as {
    -readonly [K in keyof PageProbe]: PageProbe[K];
  };
  // Assigned, not written in the literal above: tsx would wrap it in `__name`.
  probe.batchOf = (node) => {
    for (let at: Node | null = node; at; at = at.parentNode) {
      const batch = inserted.get(at);
      if (batch) return batch;
    }
    return null;
  };
  (window as unknown as { __benchProbe: PageProbe }).__benchProbe = probe;
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === marker) probe.markerKeydowns.push(performance.now());
    },
    { capture: true },
  );
  // Only the roots of added subtrees: a node's own batch is that of the
  // nearest recorded node at or above it.
  new MutationObserver((records) => {
    const batch = { frame: NaN };
    requestAnimationFrame(() => {
      batch.frame = performance.now();
    });
    for (const record of records) {
      for (const node of record.addedNodes) if (!inserted.has(node)) inserted.set(node, batch);
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** Whether the page shows more markers than `count` (`grown`) or exactly `count`. */
function markersReach({
  marker,
  count,
  grown,
}: {
  marker: string;
  count: number;
  grown: boolean;
}): boolean {
  let text = document.body.innerText;
  for (const field of document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>(
    'textarea, input',
  )) {
    text += field.value;
  }
  const now = text.split(marker).length - 1;
  return grown ? now > count : now === count;
}

/**
 * When Monaco (the editor whose role description is "editor") was first
 * drawn, if it has replaced the textarea by now; null if not.
 */
async function codeEditorShown(page: Page): Promise<number | null> {
  return programEditor(page).evaluateAll((elements) => {
    const probe = (window as unknown as { __benchProbe: PageProbe }).__benchProbe;
    const monaco = elements.find(
      (element) => element.getAttribute('aria-roledescription') === 'editor',
    );
    return monaco ? (probe.batchOf(monaco)?.frame ?? null) : null;
  });
}

/** When the editor took text; both from navigation start. */
interface Editable {
  /** The first editor found (the textarea, until Monaco replaces it) was first drawn. */
  readonly shownMs: number;
  /** The page handled the keystroke that was taken: includes the probe's own round trips. */
  readonly typedMs: number;
}

/**
 * Navigation start to an editor that takes typed text: clicks the editor
 * (found by its name, whatever its role: the textarea shown at once or
 * Monaco), checks the focus is inside it, types the marker at the end of the
 * program and waits for it to show; then deletes it again. Probing costs a
 * few round trips to a page that may be busy (loading Monaco, say), so the
 * keystroke's time is an upper bound; the frame that first drew the first
 * editor found is the lower one.
 */
async function timeEditable(page: Page): Promise<Editable> {
  const editor = programEditor(page);
  const deadline = Date.now() + STATE_TIMEOUT_MS;
  for (;;) {
    if (Date.now() > deadline) throw new Error('the editor never took typed text');
    await editor.first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
    // Click the centre of the largest of them, as a person would. Monaco's own
    // text input (named "Program") has no size of its own: then the nearest
    // ancestor that has one, the editor's text area. Count the markers shown
    // too, in the same round trip.
    const before = await editor.evaluateAll((elements, marker) => {
      const probe = (window as unknown as { __benchProbe: PageProbe }).__benchProbe;
      const first = elements[0];
      if (!probe.firstEditor && first) probe.firstEditor = probe.batchOf(first);
      let text = document.body.innerText;
      for (const field of document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>(
        'textarea, input',
      )) {
        text += field.value;
      }
      let target: { x: number; y: number; area: number } | null = null;
      for (const element of elements) {
        let box: Element | null = element;
        while (box && box !== document.body) {
          const rect = box.getBoundingClientRect();
          if (rect.width >= 2 && rect.height >= 2) {
            const area = rect.width * rect.height;
            if (area > (target?.area ?? 0)) {
              target = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, area };
            }
            break;
          }
          box = box.parentElement;
        }
      }
      return { target, markers: text.split(marker).length - 1 };
    }, MARKER);
    if (before.target) await page.mouse.click(before.target.x, before.target.y);
    else await editor.first().focus();
    // Checked before typing: Monaco may replace the textarea at any moment.
    const focused = await editor.evaluateAll((elements) => {
      const active = document.activeElement;
      return active !== null && elements.some((element) => element.contains(active));
    });
    if (!focused) continue;
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(MARKER);
    const accepted = await page
      .waitForFunction(
        markersReach,
        { marker: MARKER, count: before.markers, grown: true },
        { timeout: 5000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (!accepted) continue;
    const taken = await page.evaluate(() => {
      const probe = (window as unknown as { __benchProbe: PageProbe }).__benchProbe;
      return {
        typedMs: probe.markerKeydowns.at(-1) ?? NaN,
        shownMs: probe.firstEditor?.frame ?? NaN,
      };
    });
    await page.keyboard.press('Backspace');
    const deleted = await page
      .waitForFunction(
        markersReach,
        { marker: MARKER, count: before.markers, grown: false },
        { timeout: 5000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (!deleted) {
      progress(
        `warning: a "${MARKER}" stayed at the end of the program (Monaco took over meanwhile?)`,
      );
    }
    return taken;
  }
}

/**
 * Navigation start to the status line first saying "Ready", recorded in the
 * page by a MutationObserver (the status line is on screen from the first
 * render, seconds before Python is ready).
 */
async function timeAppReady(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /Ready|Starting Python|Finished/ });
  const handle = await status.elementHandle({ timeout: STATE_TIMEOUT_MS });
  const ready = await handle.evaluate(
    (element, timeoutMs) =>
      new Promise<{ at: number; late: boolean } | string>((done) => {
        if (element.textContent.trim() === 'Ready') {
          done({ at: performance.now(), late: true });
          return;
        }
        const timer = setTimeout(() => {
          observer.disconnect();
          done(`timed out; the status line says "${element.textContent.trim()}"`);
        }, timeoutMs);
        // The whole body: the status element might be replaced.
        const observer = new MutationObserver(() => {
          if (!element.isConnected) {
            done('the status line was replaced before Python was ready');
          } else if (element.textContent.trim() !== 'Ready') {
            return;
          } else {
            done({ at: performance.now(), late: false });
          }
          observer.disconnect();
          clearTimeout(timer);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }),
    STATE_TIMEOUT_MS,
  );
  await handle.dispose();
  if (typeof ready === 'string') throw new Error(`Python never became ready: ${ready}`);
  if (ready.late) progress('warning: the status said Ready before it was observed');
  return ready.at;
}

async function timeBaselineReady(page: Page): Promise<number> {
  await page.waitForFunction(
    () => {
      const state = window as unknown as { __baselineReadyAt?: number; __baselineError?: string };
      return state.__baselineReadyAt !== undefined || state.__baselineError !== undefined;
    },
    undefined,
    { timeout: STATE_TIMEOUT_MS },
  );
  const result = await page.evaluate(() => {
    const state = window as unknown as { __baselineReadyAt?: number; __baselineError?: string };
    return state.__baselineError ?? state.__baselineReadyAt ?? NaN;
  });
  if (typeof result === 'string') throw new Error(`the baseline's Python failed: ${result}`);
  return result;
}

/**
 * Clicks Run `count` times; for each run, the time from the click to the
 * frame that paints the seed program's last line, measured in the page: a
 * programmatic click after `performance.now()`, a MutationObserver on the
 * Output log (which a run empties first), then a requestAnimationFrame.
 * With `whenReady`, each click waits until the next run's Python is ready.
 */
async function timeRuns(page: Page, count: number, whenReady: boolean): Promise<number[]> {
  const runButton = page.getByRole('button', { name: 'Run', exact: true });
  const output = page.getByRole('log', { name: 'Output' });
  const finished = page.getByRole('status').filter({ hasText: /^Finished/ });
  const times: number[] = [];
  for (let run = 0; run < count; run += 1) {
    if (whenReady) await nextPythonReady(page);
    const button = await runButton.elementHandle({ timeout: STATE_TIMEOUT_MS });
    const log = await output.elementHandle({ timeout: STATE_TIMEOUT_MS });
    const measured = await page.evaluate(
      ({ button, log, lastLine, timeoutMs }) =>
        new Promise<number | string>((done) => {
          // The previous run's output stays until this run empties the log.
          // Text, not lines: a row may also show the time and task it came from.
          let emptied = !log.textContent.includes(lastLine);
          const timer = setTimeout(() => {
            observer.disconnect();
            done(`no "${lastLine}" within ${timeoutMs} ms; the log says "${log.textContent}"`);
          }, timeoutMs);
          const observer = new MutationObserver(() => {
            const shown = log.textContent.trimEnd();
            if (!shown.includes(lastLine)) emptied = true;
            else if (emptied && shown.endsWith(lastLine)) {
              observer.disconnect();
              clearTimeout(timer);
              requestAnimationFrame(() => {
                done(performance.now() - started);
              });
            }
          });
          observer.observe(log, { childList: true, subtree: true, characterData: true });
          if (!(button instanceof HTMLElement)) {
            done('the Run button is not an HTML element');
            return;
          }
          const started = performance.now();
          button.click();
        }),
      { button, log, lastLine: LAST_LINE, timeoutMs: STATE_TIMEOUT_MS },
    );
    if (typeof measured === 'string') throw new Error(`a run failed: ${measured}`);
    times.push(measured);
    // The run ends after its output is shown; wait for it before the next click.
    await finished.waitFor({ timeout: STATE_TIMEOUT_MS });
    await page.waitForFunction((element) => !(element as HTMLButtonElement).disabled, button, {
      timeout: STATE_TIMEOUT_MS,
    });
    const statusText = (await finished.textContent()) ?? '';
    if (!statusText.startsWith('Finished: ')) {
      throw new Error(`the seed program did not finish cleanly: "${statusText}"`);
    }
    await Promise.all([button.dispose(), log.dispose()]);
  }
  return times;
}

/**
 * PSS of the largest renderer process of the browser behind `cdp` (a browser
 * session), from /proc. Only one page is open in that browser when this is
 * called; the largest renderer is taken so that a spare, empty renderer
 * process Chromium may keep is not.
 */
async function largestRendererPss(cdp: CDPSession): Promise<number | null> {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  let largest: number | null = null;
  for (const info of processInfo) {
    if (info.type !== 'renderer') continue;
    const rollup = await readFile(`/proc/${info.id}/smaps_rollup`, 'utf8').catch(() => '');
    const kilobytes = /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1];
    if (kilobytes !== undefined) largest = Math.max(largest ?? 0, Number(kilobytes) * 1024);
  }
  return largest;
}

async function measureMemory(page: Page, browserCdp: CDPSession): Promise<Memory> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const mainHeap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN;
    // Needs cross-origin isolation; with ForceEagerMeasureMemory it answers at once.
    const jsHeaps = await page.evaluate(async () => {
      const measure = (
        performance as unknown as {
          measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
        }
      ).measureUserAgentSpecificMemory;
      if (!measure || !crossOriginIsolated) return null;
      return (await measure.call(performance)).bytes;
    });
    return { mainHeap, jsHeaps, renderer: await largestRendererPss(browserCdp) };
  } finally {
    await cdp.detach();
  }
}

/** Paths (inside the site) of the JS files fetched by first contentful paint, and its time. */
async function jsBeforeFirstPaint(
  page: Page,
  siteURL: string,
): Promise<{ at: number | null; paths: string[] }> {
  const { at, urls } = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => /\.m?js$/.test(new URL(entry.name).pathname))
      .filter((entry) => paint !== undefined && entry.responseEnd <= paint.startTime)
      .map((entry) => entry.name);
    return { at: paint?.startTime ?? null, urls: scripts };
  });
  return {
    at,
    paths: urls.filter((url) => url.startsWith(siteURL)).map((url) => url.slice(siteURL.length)),
  };
}

/**
 * When the header said "Works offline" (from navigation start), waiting for
 * it; null when the site has no service worker to save it.
 */
async function offlineCopySaved(page: Page): Promise<number | null> {
  const hasServiceWorker = await page.evaluate(async () => {
    const answer = await fetch(new URL('sw.js', document.baseURI), { method: 'HEAD' });
    return answer.ok;
  });
  if (!hasServiceWorker) return null;
  await page
    .getByRole('status', { name: 'Offline copy' })
    .filter({ hasText: 'Works offline' })
    .waitFor({ timeout: STATE_TIMEOUT_MS });
  return page.evaluate(() => performance.now());
}

async function loadApp(context: BrowserContext, url: string, options: LoadOptions): Promise<Load> {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  try {
    await page.addInitScript(installProbe, MARKER);
    await page.addInitScript(watchSandboxWorkers);
    await page.goto(url, { waitUntil: 'commit' });
    const readyAt = timeAppReady(page);
    // Keep an early failure of readyAt from going unhandled while the editor is probed.
    readyAt.catch(() => undefined);
    const editable = await timeEditable(page);
    const readyMs = await readyAt;
    const codeEditorMs = await codeEditorShown(page);
    const longTasks = await page.evaluate((until) => {
      const probe = (window as unknown as { __benchProbe: PageProbe }).__benchProbe;
      const tasks = probe.longTasks.filter((task) => task.start < until);
      return {
        totalMs: tasks.reduce((sum, task) => sum + task.duration, 0),
        longestMs: Math.max(0, ...tasks.map((task) => task.duration)),
      };
    }, readyMs);
    const paint = await jsBeforeFirstPaint(page, url);
    const memory = options.measureMemory ? await options.measureMemory(page) : null;
    const runMs = await timeRuns(page, options.runs.ready, true);
    const rapidMs = await timeRuns(page, options.runs.rapid, false);
    const fromServiceWorker = await page.evaluate(
      () => navigator.serviceWorker.controller !== null,
    );
    const offlineSavedMs = options.awaitOfflineCopy ? await offlineCopySaved(page) : null;
    return {
      readyMs,
      editable,
      codeEditorMs,
      longTasks,
      firstPaintMs: paint.at,
      memory,
      jsBeforePaint: paint.paths,
      runMs,
      rapidMs,
      fetched: [],
      fromServiceWorker,
      offlineSavedMs,
    };
  } catch (error) {
    throw pageFailure('loading the app', error, errors);
  } finally {
    await page.close();
  }
}

async function loadBaseline(
  context: BrowserContext,
  url: string,
  options: LoadOptions,
): Promise<Load> {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const readyMs = await timeBaselineReady(page);
    const memory = options.measureMemory ? await options.measureMemory(page) : null;
    return {
      readyMs,
      editable: null,
      codeEditorMs: null,
      longTasks: null,
      firstPaintMs: null,
      memory,
      jsBeforePaint: [],
      runMs: [],
      rapidMs: [],
      fetched: [],
      fromServiceWorker: null,
      offlineSavedMs: null,
    };
  } catch (error) {
    throw pageFailure('loading the baseline', error, errors);
  } finally {
    await page.close();
  }
}

// -- The benchmark ------------------------------------------------------------------------

type Variant = 'app' | 'baseline';
type Temperature = 'cold' | 'warm';

async function main(): Promise<void> {
  const siteDir = args.dist ? resolve(args.dist) : buildSite(session);
  if (!existsSync(join(siteDir, 'index.html'))) fail(`${siteDir} has no index.html`);
  if (!existsSync(join(siteDir, 'pyodide', 'pyodide.asm.mjs'))) {
    fail(`${siteDir} has no pyodide/pyodide.asm.mjs`);
  }
  const baselineDir = join(scratch, 'baseline');
  await writeBaseline(baselineDir);

  const server = await startServer([
    { prefix: SUB_PATH, dir: siteDir },
    { prefix: `${SUB_PATH}${BASELINE_DIR}`, dir: baselineDir },
  ]);
  session.onCleanUp(server.close);
  const { origin } = server;
  const urls: Record<Variant, string> = {
    app: `${origin}${SUB_PATH}`,
    baseline: `${origin}${SUB_PATH}${BASELINE_DIR}`,
  };

  // Lets measureUserAgentSpecificMemory() answer at once instead of at the next GC.
  const { browser, launchOptions } = await launchChromium(session, [
    '--enable-blink-features=ForceEagerMeasureMemory',
  ]);
  const browserCdp = await browser.newBrowserCDPSession();
  const memoryOf = (page: Page): Promise<Memory> => measureMemory(page, browserCdp);

  const load = (variant: Variant, context: BrowserContext, options: LoadOptions): Promise<Load> =>
    variant === 'app'
      ? loadApp(context, urls.app, options)
      : loadBaseline(context, urls.baseline, options);

  /** A fresh context: empty cache. */
  async function cold(variant: Variant): Promise<Load> {
    const context = await browser.newContext();
    // What the page and its workers ask for: not what the service worker
    // fetches for the offline copy, which Playwright does not report.
    const asked = new Set<string>();
    context.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (variant === 'app' && path.startsWith(SUB_PATH)) {
        asked.add(path.slice(SUB_PATH.length) || 'index.html');
      }
    });
    try {
      const measured = await load(variant, context, {
        measureMemory: memoryOf,
        runs: { ready: RUNS_PER_PAGE, rapid: RAPID_RUNS_PER_PAGE },
        awaitOfflineCopy: false,
      });
      return { ...measured, fetched: [...asked].sort() };
    } finally {
      await context.close();
    }
  }

  /**
   * A fresh persistent profile, loaded once to fill its cache (and save the
   * offline copy); the second load counts, with the first's offline save.
   */
  let profiles = 0;
  async function warm(variant: Variant): Promise<Load> {
    const profile = join(scratch, `profile-${variant}-${(profiles += 1)}`);
    const context = await chromium.launchPersistentContext(profile, launchOptions);
    session.openBrowsers.add(context);
    try {
      // A learner comes back once the offline copy is saved, when the site has one.
      const first = await load(variant, context, {
        measureMemory: null,
        runs: { ready: 0, rapid: 0 },
        awaitOfflineCopy: true,
      });
      const second = await load(variant, context, {
        measureMemory: null,
        runs: { ready: 0, rapid: 0 },
        awaitOfflineCopy: false,
      });
      return { ...second, offlineSavedMs: first.offlineSavedMs };
    } finally {
      session.openBrowsers.delete(context);
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }

  progress('warm-up round (not counted)');
  await cold('app');
  await cold('baseline');

  const results: Record<Temperature, Record<Variant, Load[]>> = {
    cold: { app: [], baseline: [] },
    warm: { app: [], baseline: [] },
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    progress(`round ${round + 1} of ${ROUNDS}`);
    // Alternate which goes first, so neither always runs on a warmer machine.
    const order: Variant[] = round % 2 === 0 ? ['app', 'baseline'] : ['baseline', 'app'];
    for (const variant of order) results.cold[variant].push(await cold(variant));
    for (const variant of order) results.warm[variant].push(await warm(variant));
  }

  report(siteDir, results);
}

function report(siteDir: string, results: Record<Temperature, Record<Variant, Load[]>>): void {
  /** The median of `measure` over the loads that have it; NaN when none has. */
  const medianOf = (loads: readonly Load[], measure: (load: Load) => number | null): number => {
    const values = loads.map(measure).filter((value): value is number => value !== null);
    return values.length ? median(values) : NaN;
  };
  const { cold, warm } = results;
  const readyMs = (load: Load): number => load.readyMs;

  const { eager, lazy } = javascriptSizes(siteDir);
  const sum = (files: readonly JsFile[], key: 'raw' | 'gzip'): number =>
    files.reduce((total, file) => total + file[key], 0);
  /** Each JS file fetched by first contentful paint in some cold load, with how many. */
  const observed = new Map<string, number>();
  for (const path of cold.app.flatMap((load) => load.jsBeforePaint)) {
    observed.set(path, (observed.get(path) ?? 0) + 1);
  }

  const row = (label: string, ...cells: string[]): void => {
    const values = cells.slice(0, -1).map((cell) => cell.padStart(10));
    const note = cells.at(-1) ?? '';
    console.log(`  ${label.padEnd(42)} ${values.join(' ')}${note ? `   ${note}` : ''}`);
  };
  const where = relative(repoRoot, siteDir);
  console.log(
    `app benchmark: median of ${ROUNDS} interleaved rounds, built site ` +
      `(${where.startsWith('..') ? siteDir : where}) served from ${SUB_PATH}`,
  );

  console.log(
    'JavaScript before first paint, gzip (entry scripts and modulepreloads of index.html)',
  );
  for (const file of eager) row(file.path, kb(file.gzip), `${kb(file.raw)} raw`);
  row('total', kb(sum(eager, 'gzip')), `${kb(sum(eager, 'raw'))} raw   (target < 200 KB)`);
  console.log('  fetched by first contentful paint (observed in cold loads):');
  for (const [path, count] of observed) {
    if (!existsSync(join(siteDir, path))) continue;
    const file = measureJs(siteDir, path);
    row(`  ${path}`, kb(file.gzip), `${kb(file.raw)} raw, in ${count} of ${cold.app.length} loads`);
  }
  console.log('largest lazily loaded JavaScript, gzip');
  for (const file of lazy.slice(0, 6)) row(file.path, kb(file.gzip), `${kb(file.raw)} raw`);

  console.log(`  ${''.padEnd(42)} ${'cold'.padStart(10)} ${'warm'.padStart(10)}`);
  const pair = (label: string, measure: (load: Load) => number | null, note = ''): void => {
    row(label, ms(medianOf(cold.app, measure)), ms(medianOf(warm.app, measure)), note);
  };
  pair('first contentful paint', (load) => load.firstPaintMs);
  pair('editor on screen', (load) => load.editable?.shownMs ?? null, 'lower bound');
  pair('editor took a keystroke', (load) => load.editable?.typedMs ?? null, 'upper bound');
  const withMonaco = [...cold.app, ...warm.app].filter((load) => load.codeEditorMs !== null);
  if (withMonaco.length > 0) {
    pair(
      'code editor (Monaco) on screen',
      (load) => load.codeEditorMs,
      `in ${withMonaco.length} of ${cold.app.length + warm.app.length} loads by Python ready`,
    );
  }
  pair('main thread: long tasks until ready', (load) => load.longTasks?.totalMs ?? null, 'total');
  pair('main thread: longest task', (load) => load.longTasks?.longestMs ?? null);
  const ready = {
    cold: { app: medianOf(cold.app, readyMs), baseline: medianOf(cold.baseline, readyMs) },
    warm: { app: medianOf(warm.app, readyMs), baseline: medianOf(warm.baseline, readyMs) },
  };
  row('Python ready, app', ms(ready.cold.app), ms(ready.warm.app), '');
  row('Python ready, baseline', ms(ready.cold.baseline), ms(ready.warm.baseline), '');
  row(
    'app / baseline',
    ratio(ready.cold.app, ready.cold.baseline),
    ratio(ready.warm.app, ready.warm.baseline),
    '(target <= 1.15x)',
  );

  const servedByWorker = warm.app.filter((load) => load.fromServiceWorker === true).length;
  console.log(
    `  warm loads answered by the service worker: ${servedByWorker} of ${warm.app.length}`,
  );
  const saved = medianOf(warm.app, (load) => load.offlineSavedMs);
  if (!Number.isNaN(saved)) {
    row('offline copy saved ("Works offline")', '', ms(saved), 'first loads of the warm profiles');
  }

  const firstRuns = cold.app.map((load) => load.runMs[0] ?? NaN);
  const laterRuns = cold.app.flatMap((load) => load.runMs.slice(1));
  console.log('Run clicked to "Hello, Bob!" painted, Python ready (cold loads)');
  row('first run', ms(median(firstRuns)), `median of ${firstRuns.length}`);
  row('later runs', ms(median(laterRuns)), `median of ${laterRuns.length}   (target < 50 ms)`);
  const rapidRuns = cold.app.flatMap((load) => load.rapidMs);
  row('rapid runs', ms(median(rapidRuns)), `median of ${rapidRuns.length}, clicked as a run ends`);

  console.log('memory once Python is ready (cold loads)');
  console.log(`  ${''.padEnd(42)} ${'app'.padStart(10)} ${'baseline'.padStart(10)}`);
  const memory = (label: string, measure: (memory: Memory) => number | null): void => {
    const app = medianOf(cold.app, (load) => (load.memory ? measure(load.memory) : null));
    const base = medianOf(cold.baseline, (load) => (load.memory ? measure(load.memory) : null));
    row(label, mb(app), mb(base), `app - baseline ${mb(app - base)}, ${ratio(app, base)}`);
  };
  memory('main-thread JS heap', (m) => m.mainHeap);
  memory('JS heaps, page + workers', (m) => m.jsHeaps);
  memory('renderer process (PSS)', (m) => m.renderer);

  const sizes = new Map<string, { readonly raw: number; readonly gzip: number }>();
  const sizeOf = (path: string): { readonly raw: number; readonly gzip: number } => {
    let size = sizes.get(path);
    if (size === undefined) {
      const bytes = readFileSync(join(siteDir, path));
      // The snapshot is gzipped already and sent as it is.
      size = {
        raw: bytes.length,
        gzip: path.endsWith('.gz') ? bytes.length : gzipSync(bytes).length,
      };
      sizes.set(path, size);
    }
    return size;
  };
  const fetchedIn = new Map<string, number>();
  for (const path of cold.app.flatMap((load) => load.fetched)) {
    fetchedIn.set(path, (fetchedIn.get(path) ?? 0) + 1);
  }
  const total = (key: 'raw' | 'gzip'): number =>
    median(cold.app.map((load) => load.fetched.reduce((sum, path) => sum + sizeOf(path)[key], 0)));
  console.log(
    'a cold visit downloads (every file the page and its workers fetched, runs included; ' +
      'gzip as a host that gzips sends it; not the offline copy)',
  );
  for (const path of [...fetchedIn.keys()].sort((a, b) => sizeOf(b).raw - sizeOf(a).raw)) {
    const file = sizeOf(path);
    const count = fetchedIn.get(path) ?? 0;
    row(path, size(file.gzip), `${size(file.raw)} raw, in ${count} of ${cold.app.length} loads`);
  }
  row('total (median of the loads)', size(total('gzip')), `${size(total('raw'))} raw`);
  const unused = readdirSync(join(siteDir, 'pyodide'))
    .map((file) => `pyodide/${file}`)
    .filter((path) => !fetchedIn.has(path));
  console.log(
    `  Pyodide's files in the site that no cold load fetched: ${unused.length ? unused.join(', ') : 'none'}`,
  );

  console.log('per round, Python ready (ms): cold app / baseline, warm app / baseline');
  for (let round = 0; round < ROUNDS; round += 1) {
    const at = (loads: readonly Load[]): string =>
      Math.round(loads[round]?.readyMs ?? NaN).toString();
    console.log(
      `  ${round + 1}: ${at(cold.app)} / ${at(cold.baseline)}, ${at(warm.app)} / ${at(warm.baseline)}`,
    );
  }
}

await session.run(main);
