/**
 * Page objects for the end-to-end tests: the playground as a person sees it,
 * found by roles and accessible names.
 */
import { test as base, type Locator, type Page } from '@playwright/test';

export { SEED_PROGRAM } from '../app/features/editor/seedProgram';

/** A coroutine that never gives control back to the event loop. */
export const BUSY_PROGRAM = `import asyncio

async def spin():
    while True:
        pass

asyncio.run(spin())
`;

/** What the status line says after a run ran to its end. */
export const FINISHED = /^Finished: exit 0, 0\.0 s of virtual time, \d+ ms$/;

/** The start of what the status line says when the watchdog stopped a run. */
export const WATCHDOG_MESSAGE =
  'Stopped: the program ran for 8 s without giving control back ' +
  '(is there a loop that never awaits, like `while True: pass`?)';

export class Playground {
  readonly program: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly status: Locator;
  readonly output: Locator;
  /** URLs the page and its worker requested, in order. */
  readonly requests: string[] = [];

  constructor(readonly page: Page) {
    this.program = page.getByRole('textbox', { name: 'Program' });
    this.runButton = page.getByRole('button', { name: 'Run' });
    this.stopButton = page.getByRole('button', { name: 'Stop' });
    this.status = page.getByRole('status');
    this.output = page.getByRole('log', { name: 'Output' });
    // Context-wide, so requests made by the Web Worker are seen too.
    page.context().on('request', (request) => {
      this.requests.push(request.url());
    });
  }

  async open(): Promise<void> {
    await this.page.goto('./');
  }

  /** How many times Pyodide's wasm was fetched: once per interpreter started. */
  interpreterLoads(): number {
    return this.requests.filter((url) => url.endsWith('/pyodide/pyodide.asm.wasm')).length;
  }
}

export const test = base.extend<{ playground: Playground }>({
  playground: async ({ page }, use) => {
    const playground = new Playground(page);
    await playground.open();
    await use(playground);
  },
});

export { expect } from '@playwright/test';
