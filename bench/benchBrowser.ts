/**
 * The browser side the benchmarks share: building the site, starting
 * Debian's Chromium headless, and collecting what went wrong on a page.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type LaunchOptions,
  type Locator,
  type Page,
} from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tools/chromium';
import { fail, type BenchSession } from './benchSession';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the site is served, as on a static host that is not at `/`. */
export const SUB_PATH = '/loopscope/';

/** Builds the site into the session's scratch folder and returns that folder. */
export function buildSite(session: BenchSession): string {
  const outDir = join(session.scratch, 'dist');
  session.progress(`building the site into ${outDir}`);
  const result = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: repoRoot,
    env: session.givenEnv,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    fail(`vite build failed:\n${result.stdout}${result.stderr}`);
  }
  return outDir;
}

/** Headless Chromium with the project's flags and `extraArgs`; the session closes it. */
export async function launchChromium(
  session: BenchSession,
  extraArgs: readonly string[] = [],
): Promise<{ browser: Browser; launchOptions: LaunchOptions }> {
  const launchOptions: LaunchOptions = {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    // The session's own handlers close the browsers and also remove the scratch folder.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  };
  let browser: Browser;
  try {
    browser = await chromium.launch(launchOptions);
  } catch (error) {
    fail(
      `could not start ${CHROMIUM_PATH} (try \`bash tools/ensure-chromium.sh\`): ${String(error)}`,
    );
  }
  session.openBrowsers.add(browser);
  return { browser, launchOptions };
}

/** The page's uncaught errors, console errors and failed responses, as they come. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return errors;
}

/** An error saying what failed, with the page's errors. */
export function pageFailure(what: string, error: unknown, errors: readonly string[]): Error {
  return new Error(
    `${what} failed: ${String(error)}${errors.length ? `\npage errors:\n  ${errors.join('\n  ')}` : ''}`,
    { cause: error },
  );
}

/** The program editor, whatever its role: every element named "Program". */
export function programEditor(page: Page): Locator {
  return page
    .getByRole('textbox', { name: 'Program', exact: true })
    .or(page.getByLabel('Program', { exact: true }));
}

/**
 * Replaces the program in whichever editor stays (Monaco replaces the
 * textarea once Python is ready; the note says when Monaco could not be
 * loaded) by pasting it, as e2e/fixtures.ts setProgram does: typing into
 * Monaco would indent twice. Needs clipboard permissions.
 */
export async function pasteProgram(page: Page, program: string, timeoutMs: number): Promise<void> {
  const editor = programEditor(page)
    .and(page.locator('[aria-roledescription="editor"]'))
    .or(page.getByRole('note', { name: 'Code editor' }));
  // Monaco's text input has no size of its own: attached, not visible.
  await editor.first().waitFor({ state: 'attached', timeout: timeoutMs });
  await programEditor(page).first().focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((text) => navigator.clipboard.writeText(text), program);
  await page.keyboard.press('ControlOrMeta+V');
}
