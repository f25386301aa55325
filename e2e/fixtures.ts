/**
 * Page objects for the end-to-end tests: the playground as a person sees it,
 * found by roles and accessible names.
 */
import { readFileSync } from 'node:fs';
import {
  test as base,
  expect,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { WELCOME_DISMISSED, WELCOME_KEY } from '../app/shell/welcomeSlice';

import { SEED_PROGRAM } from '../app/features/editor/seedProgram';

export { SEED_PROGRAM };

/** How long Python may take to start: a busy 2-core machine can take long over it. */
export const PYTHON_START_TIMEOUT = 45_000;

/** What the seed program prints. */
export const SEED_OUTPUT: readonly string[] = ['Hello, Alice!', 'Hello, Bob!'];

/** A coroutine that never gives control back to the event loop. */
export const BUSY_PROGRAM = `import asyncio

async def spin():
    while True:
        pass

asyncio.run(spin())
`;

/**
 * A program of `steps` steps of a few tenths of a second each (here), printing
 * "step N" in each: it runs for a while, yet always gives control back.
 */
export function slowStepsProgram(steps: number): string {
  return `import asyncio

async def main():
    for step in range(${steps}):
        sum(range(3_000_000))
        print("step", step)
        await asyncio.sleep(0)

asyncio.run(main())
`;
}

/**
 * What the status line says after a run ran to its end at `seconds` of
 * virtual time, with `exitCode` (the program's own: `sys.exit(-1)` says -1).
 */
export function finishedAt(seconds: number, exitCode = 0): RegExp {
  const virtualTime = seconds.toFixed(1).replace('.', '\\.');
  const ending = exitCode === 0 ? 'Finished' : `Finished with exit code ${exitCode}`;
  return new RegExp(
    `^${ending.replace(/[.+]/g, '\\$&')}: ${virtualTime} s of virtual time, \\d+ ms on this machine$`,
  );
}

/** The golden gather program (tests/golden/gather_sleeps.py): sleeps of 1, 2 and 3 s gathered. */
export const GATHER_PROGRAM = readFileSync(
  new URL('../tests/golden/gather_sleeps.py', import.meta.url),
  'utf8',
);

/** Runs the gather program to its end; returns the timeline's canvas, drawn. */
export async function runGather(playground: Playground): Promise<Locator> {
  await playground.setProgram(GATHER_PROGRAM);
  await playground.runButton.click();
  await expect(playground.status).toHaveText(finishedAt(3));
  const canvas = playground.page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('img', { name: 'Timeline canvas' });
  await expect(canvas).toBeVisible();
  return canvas;
}

/** What the status line says after a run that never waited ran to its end. */
export const FINISHED = finishedAt(0);

/** The start of what the status line says when the watchdog stopped a run. */
export const WATCHDOG_MESSAGE =
  'Stopped: the program ran for 8 s without giving control back ' +
  '(is there a loop that never awaits, like `while True: pass`?)';

/**
 * The chunks Monaco arrives in: the library (`monaco-editor-*.js`, the
 * code-splitting group in vite.config.ts) and the app's wrapper around it
 * (`monaco-*.js`, from app/features/editor/monaco.ts).
 */
const CODE_EDITOR_CHUNKS = /\/assets\/monaco[^/]*\.js$/;

/** The Monaco library's chunk alone. */
export const MONACO_LIBRARY_CHUNK = /\/assets\/monaco-editor-[^/]*\.js$/;

/**
 * Holds back requests for `url`, the page's and its workers', until the
 * returned function is called.
 */
export async function holdBack(context: BrowserContext, url: RegExp): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await context.route(url, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * Holds the code editor's chunks back until the returned function is
 * called, so a test can use the textarea first.
 */
export async function holdBackCodeEditor(page: Page): Promise<() => void> {
  return holdBack(page.context(), CODE_EDITOR_CHUNKS);
}

/** From the next page load on, the browser refuses the page any storage (as privacy settings can). */
export async function refuseStorage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  });
}

/**
 * Uses up the page's storage (as a site that kept a lot there would), so
 * that the page's next write fails as it does when storage is full.
 */
export async function fillStorage(page: Page): Promise<void> {
  await page.evaluate(() => {
    let item = 0;
    // Big items first, then ever smaller ones, until not one more character fits.
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const filler = 'x'.repeat(size);
      try {
        for (;;) localStorage.setItem(`filler:${item++}`, filler);
      } catch {
        // Full for items of this size: smaller ones may still fit.
      }
    }
  });
}

/**
 * From the next page load on, the page is a returning visitor's: the welcome
 * was dismissed on an earlier visit.
 */
async function dismissWelcomeEarlier(page: Page): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      try {
        localStorage.setItem(key, value);
      } catch {
        // Storage refused (refuseStorage): there is no earlier visit to remember.
      }
    },
    [WELCOME_KEY, WELCOME_DISMISSED] as const,
  );
}

/** Who opens the page: a first-time visitor, or one who dismissed the welcome on an earlier visit. */
type Visitor = 'first' | 'returning';

export class Playground {
  /** The program editor: Monaco once it has loaded, a plain textarea before. */
  readonly program: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  /** The status line of Python and the last run. */
  readonly status: Locator;
  /** The editor's list of problems (syntax errors, what the last run reported). */
  readonly problems: Locator;
  readonly output: Locator;
  /** The text of each output line (without its time and task columns). */
  readonly outputLines: Locator;
  /** The note saying the code editor could not be loaded and the plain text box is in use. */
  readonly codeEditorNote: Locator;
  /** Monaco's error squiggles: syntax errors and the line a run raised at. */
  readonly errorSquiggles: Locator;
  /** The line number beside Monaco's highlighted current line: where the cursor is. */
  readonly cursorLineNumber: Locator;
  /** URLs the page and its worker requested, in order. */
  readonly requests: string[] = [];

  constructor(readonly page: Page) {
    this.program = page.getByRole('textbox', { name: 'Program' });
    this.runButton = page.getByRole('button', { name: 'Run', exact: true });
    this.stopButton = page.getByRole('button', { name: 'Stop' });
    this.problems = page.getByRole('status', { name: 'Problems' });
    // The one live region on the page without a name of its own (Problems,
    // and the lessons' Feedback and Result, have theirs).
    this.status = page.getByRole('status').and(page.locator(':not([aria-label])'));
    this.output = page.getByRole('log', { name: 'Output' });
    this.codeEditorNote = page.getByRole('note', { name: 'Code editor' });
    this.outputLines = this.output.locator('.output-text');
    this.errorSquiggles = page.locator('.monaco-editor .squiggly-error');
    this.cursorLineNumber = page.locator(
      '.monaco-editor .margin-view-overlays > div:has(.current-line) .line-numbers',
    );
    // Context-wide, so requests made by the Web Worker are seen too.
    page.context().on('request', (request) => {
      this.requests.push(request.url());
    });
  }

  /** Opens the playground and waits until the code editor has replaced the textarea. */
  async open(): Promise<void> {
    await this.page.goto('./');
    await this.waitForCodeEditor();
  }

  /** Reloads the page, as leaving and coming back would, and waits for the code editor. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForCodeEditor();
  }

  /**
   * Waits until the editor has the focus with its cursor on `line`, as Monaco
   * shows it: the number beside the highlighted current line.
   */
  async expectCursorOnLine(line: number): Promise<void> {
    await expect(this.program).toBeFocused();
    await expect(this.cursorLineNumber).toHaveText(String(line));
  }

  /** Monaco marks its text input as an "editor"; the textarea has no such role description. */
  async waitForCodeEditor(): Promise<void> {
    // Monaco loads once Python has started.
    await expect(this.program).toHaveAttribute('aria-roledescription', 'editor', {
      timeout: PYTHON_START_TIMEOUT,
    });
  }

  /**
   * Replaces the program as a person would: select all, paste. Typing is no
   * good for programs: Monaco indents after every colon, so typed indented
   * code comes out indented twice (TOOLCHAIN.md). Needs clipboard access
   * (granted by the `playground` fixture).
   */
  async setProgram(text: string): Promise<void> {
    await this.program.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await this.page.keyboard.press('ControlOrMeta+V');
    await this.expectProgram(text);
  }

  /** Puts the cursor at the end of line `line` with the keyboard, as a person would. */
  async moveCursorToLineEnd(line: number): Promise<void> {
    await this.program.focus();
    await this.page.keyboard.press('ControlOrMeta+Home');
    for (let at = 1; at < line; at++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('End');
  }

  /** Waits for exactly one error squiggle, and checks that it sits level with line `line`'s number. */
  async expectSquiggleOnLine(line: number): Promise<void> {
    await expect(this.errorSquiggles).toHaveCount(1);
    const squiggle = await this.errorSquiggles.boundingBox();
    const lineNumber = await this.page
      .locator('.monaco-editor .line-numbers', { hasText: new RegExp(`^${line}$`) })
      .boundingBox();
    expect(squiggle).not.toBeNull();
    expect(lineNumber).not.toBeNull();
    if (squiggle && lineNumber) {
      const middle = squiggle.y + squiggle.height / 2;
      expect(middle).toBeGreaterThan(lineNumber.y);
      expect(middle).toBeLessThan(lineNumber.y + lineNumber.height);
    }
  }

  /** Waits until the editor shows exactly `text`. */
  async expectProgram(text: string): Promise<void> {
    await expect.poll(() => this.shownProgram()).toBe(text);
  }

  /**
   * The program as the editor shows it: its rendered lines, top to bottom
   * (Monaco renders only the lines in view, which is all of a short program).
   */
  async shownProgram(): Promise<string> {
    return this.page.locator('.monaco-editor .view-lines').evaluate((lines) =>
      [...lines.querySelectorAll<HTMLElement>(':scope > .view-line')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((line) => line.textContent.replaceAll('\u00a0', ' '))
        .join('\n'),
    );
  }

  /** Moves the mouse over the first place the editor shows `text`. */
  async hoverText(text: string): Promise<void> {
    const box = await this.page.locator('.monaco-editor .view-lines').evaluate((lines, wanted) => {
      // Monaco merges neighbouring tokens of one colour into one span, so
      // measure the characters themselves.
      const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.nodeValue ?? '').indexOf(wanted);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const { x, y, width, height } = range.getBoundingClientRect();
        return { x, y, width, height };
      }
      return null;
    }, text);
    if (!box) throw new Error(`The editor does not show ${JSON.stringify(text)}`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** How many times Pyodide's wasm was fetched: once per interpreter started. */
  interpreterLoads(): number {
    return this.requests.filter((url) => url.endsWith('/pyodide/pyodide.asm.wasm')).length;
  }
}

/**
 * Runs `source` as a learner would and waits until the output is exactly
 * `lines` and the run has finished. The lines are waited for first: a run
 * that prints them has begun, so the status line no longer shows the last
 * run's "Finished" (unless that run printed the same lines). They may wait
 * for Python to start again after a run that restarted it.
 */
export async function runPrinting(
  playground: Playground,
  source: string,
  lines: readonly string[],
): Promise<void> {
  await playground.setProgram(source);
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(lines, { timeout: PYTHON_START_TIMEOUT });
  await expect(playground.status).toHaveText(FINISHED);
}

/**
 * The Input box's text box, opened as a person does by clicking its title
 * when it is closed (it opens by itself when it has text).
 */
export async function openInputBox(page: Page) {
  const input = page.getByRole('textbox', { name: 'Input' });
  if (!(await input.isVisible())) await page.getByText('Input', { exact: true }).click();
  await expect(input).toBeVisible();
  return input;
}

/** Runs the seed example and checks that the output is exactly its two lines. */
export async function runSeed(playground: Playground): Promise<void> {
  await runPrinting(playground, SEED_PROGRAM, SEED_OUTPUT);
}

export const test = base.extend<{
  playground: Playground;
  visitor: Visitor;
  returningVisitor: undefined;
}>({
  // A first visit unless a test says otherwise (`test.use({ visitor: 'returning' })`),
  // as tests that count tab stops and are not about the welcome do.
  visitor: ['first', { option: true }],
  // Automatic, so it runs before `playground` opens the page.
  returningVisitor: [
    async ({ page, visitor }, use) => {
      if (visitor === 'returning') await dismissWelcomeEarlier(page);
      await use(undefined);
    },
    { auto: true },
  ],
  playground: async ({ page, context, baseURL }, use) => {
    // setProgram pastes through the system clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(baseURL ?? '').origin,
    });
    const playground = new Playground(page);
    await playground.open();
    await use(playground);
  },
});

export { expect } from '@playwright/test';
