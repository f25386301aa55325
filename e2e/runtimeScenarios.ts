/**
 * The runtime's end-to-end scenarios, declared once and run by two projects
 * (playwright.config.ts): on a cross-origin isolated page, where Stop and the
 * watchdog interrupt Python, and on a plain page, where they restart it.
 */
import {
  BUSY_PROGRAM,
  expect,
  PYTHON_START_TIMEOUT,
  FINISHED,
  runSeed,
  SEED_OUTPUT,
  SEED_PROGRAM,
  test,
  type Playground,
} from './fixtures';

/** What differs between an isolated page and a plain one. */
export interface IsolationExpectations {
  /** The value of `crossOriginIsolated` on the page. */
  readonly isolated: boolean;
  /** The status line after Stop. */
  readonly stopMessage: string;
  /** The status line after the watchdog fired. */
  readonly watchdogMessage: string;
}

function log(what: string, started: number): void {
  console.log(`  ${what}: ${Date.now() - started} ms`);
}

/** Starts the busy program and waits until Python is really running it. */
export async function startBusyProgram(playground: Playground): Promise<void> {
  await playground.setProgram(BUSY_PROGRAM);
  await playground.runButton.click();
  await expect(playground.status).toHaveText('Running…');
  await expect(playground.runButton).toBeDisabled();
  await expect(playground.stopButton).toBeVisible();
}

export function runtimeScenarios(expected: IsolationExpectations): void {
  test('the page is as isolated as this project expects', async ({ playground }) => {
    expect(await playground.page.evaluate(() => window.crossOriginIsolated)).toBe(
      expected.isolated,
    );
  });

  test('Run runs the seed example and shows its output', async ({ playground }) => {
    const started = Date.now();
    await playground.expectProgram(SEED_PROGRAM);
    await expect(playground.status).toHaveText('Ready', { timeout: PYTHON_START_TIMEOUT });
    log('page load to Python ready', started);

    const runStarted = Date.now();
    await playground.runButton.click();
    await expect(playground.status).toHaveText(FINISHED);
    log('Run click to finished', runStarted);
    await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
    await expect(playground.runButton).toBeEnabled();
    await expect(playground.stopButton).toBeHidden();
  });

  test('errors go to the output as stderr', async ({ playground }) => {
    await playground.setProgram('print("before")\nraise ValueError("boom")\n');
    await playground.runButton.click();
    await expect(playground.status).toHaveText(/^Finished with exit code 1: /);
    await expect(playground.output).toContainText('before');
    await expect(playground.output.locator('.output-stderr').last()).toHaveText(
      /ValueError: boom$/,
    );
  });

  test('Stop ends a program that never awaits, and Python runs again', async ({ playground }) => {
    await startBusyProgram(playground);
    const stopped = Date.now();
    await playground.stopButton.click();
    await expect(playground.status).toHaveText(expected.stopMessage);
    log('Stop click to stopped', stopped);
    await expect(playground.stopButton).toBeHidden();

    const again = Date.now();
    await runSeed(playground);
    log('next run to finished', again);
  });

  test('the watchdog stops a program that never awaits', async ({ playground }) => {
    test.setTimeout(90_000);
    await startBusyProgram(playground);
    const started = Date.now();
    await expect(playground.status).toHaveText(expected.watchdogMessage, { timeout: 30_000 });
    log('running to watchdog stop', started);

    await runSeed(playground);
  });

  test('no request leaves the origin', async ({ playground, baseURL }) => {
    await expect(playground.status).toHaveText('Ready', { timeout: PYTHON_START_TIMEOUT });
    await runSeed(playground);

    const origin = new URL(baseURL ?? '').origin;
    const fetched = playground.requests.filter((url) => !/^(data|blob):/.test(url));
    // The worker's own downloads are among them: the recording sees the worker.
    expect(fetched.some((url) => url.endsWith('/pyodide/pyodide.asm.wasm'))).toBe(true);
    expect(fetched.some((url) => url.endsWith('/pyodide/python_stdlib.zip'))).toBe(true);
    expect(fetched.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
}
