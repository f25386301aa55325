// What a learner sees when something outside their program fails: the
// browser ends Python's worker, Python's files cannot be downloaded, storage
// is full or refused, the page is reloaded during a run. Each time: a clear
// message, Run works afterwards, and nothing they typed is lost.
import {
  BUSY_PROGRAM,
  expect,
  fillStorage,
  FINISHED,
  Playground,
  PYTHON_START_TIMEOUT,
  runSeed,
  SEED_OUTPUT,
  slowStepsProgram,
  test,
} from './fixtures';
import { startBusyProgram } from './runtimeScenarios';

/** A program that runs for a while, a few tenths of a second per step, printing as it goes. */
const LONG_PROGRAM = slowStepsProgram(1000);

const PYODIDE_WASM = '**/pyodide/pyodide.asm.wasm';

// Each test starts Python two or three times, which a busy machine takes long over.
test.describe.configure({ timeout: 180_000 });

test('when the browser ends Python mid-run, the page says so and Run works again', async ({
  page,
  playground,
}) => {
  // The test's hand on the sandbox worker, kept in the page: a program in
  // the worker cannot reach it. The browser ending a worker (or a program
  // closing its own) looks the same to the page as `terminate()` behind its back.
  await page.addInitScript(() => {
    const made: Worker[] = [];
    Object.defineProperty(window, 'sandboxWorkersForTests', { value: made });
    window.Worker = class extends window.Worker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name === 'loopscope-sandbox') made.push(this);
      }
    };
  });
  await playground.reload();
  await playground.setProgram(LONG_PROGRAM);
  await playground.runButton.click();
  await expect(playground.outputLines.first()).toHaveText('step 0', {
    timeout: PYTHON_START_TIMEOUT,
  });

  await page.evaluate(() => {
    const made = (window as unknown as { sandboxWorkersForTests: Worker[] }).sandboxWorkersForTests;
    made.at(-1)?.terminate();
  });
  await expect(playground.status).toHaveText(
    'Python stopped unexpectedly (its worker was closed), so it was restarted. Run the program again.',
  );
  await expect(playground.runButton).toBeEnabled();
  await playground.expectProgram(LONG_PROGRAM);

  await runSeed(playground);
});

test("when Python's files cannot be downloaded, the page says what failed and keeps the text typed", async ({
  page,
}) => {
  await page.route(PYODIDE_WASM, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
  const playground = new Playground(page);
  await page.goto('./');
  await playground.program.fill('print("typed while Python failed")\n');

  await expect(playground.status).toHaveText(/^Python could not be downloaded/, {
    timeout: PYTHON_START_TIMEOUT,
  });
  await expect(playground.status).toContainText('pyodide.asm.wasm');
  await expect(playground.runButton).toBeEnabled();
  await expect(playground.program).toHaveValue('print("typed while Python failed")\n');

  // The connection is back: Run tries again, and runs what was typed.
  await page.unroute(PYODIDE_WASM);
  await playground.runButton.click();
  await expect(playground.status).toHaveText(FINISHED, { timeout: PYTHON_START_TIMEOUT });
  await expect(playground.outputLines).toHaveText(['typed while Python failed']);
});

test('a program kept before storage filled up comes back after a reload', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.setProgram('print("mine")\n');
  await playground.reload();
  await playground.expectProgram('print("mine")\n');

  await fillStorage(page);
  await playground.reload();
  await playground.expectProgram('print("mine")\n');
  await playground.setProgram('print("mine, changed")\n');
  await expect(page.getByRole('note', { name: 'Saving' })).toContainText('Browser storage is full');
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(['mine, changed']);
});

test('storage that cannot be read is left alone, so the program kept there survives', async ({
  context,
  playground,
}) => {
  const { page } = playground;
  await playground.setProgram('print("mine")\n');
  await playground.reload();
  await playground.expectProgram('print("mine")\n');

  // As a browser whose storage broke under the page: reading throws.
  await page.addInitScript(() => {
    Storage.prototype.getItem = () => {
      throw new DOMException('The storage could not be read.', 'UnknownError');
    };
  });
  await playground.reload();
  await expect(page.getByRole('note', { name: 'Saving' })).toContainText('will not be kept');
  await playground.setProgram('print("for this visit")\n');
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(['for this visit']);

  // Once storage reads again, the program kept there is what it was.
  const later = new Playground(await context.newPage());
  await later.open();
  await later.expectProgram('print("mine")\n');
});

test('a reload during a run keeps the program, and Run works after it', async ({ playground }) => {
  await startBusyProgram(playground);
  await playground.reload();
  await playground.expectProgram(BUSY_PROGRAM);
  await expect(playground.status).toHaveText('Ready', { timeout: PYTHON_START_TIMEOUT });
  await expect(playground.runButton).toBeEnabled();

  await runSeed(playground);
  await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
});
