/**
 * What every browser benchmark sets up around itself: the number of rounds
 * (`BENCH_ROUNDS`), a scratch folder that Chromium and Playwright write into
 * instead of the home folder, clean-up steps run in reverse order on exit or
 * on a signal, and failures explained in one line.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../tools/chromium';

/** A failure explained in its message: printed without a stack. */
export class BenchError extends Error {}

export function fail(message: string): never {
  throw new BenchError(message);
}

export interface BenchSession {
  /** `BENCH_ROUNDS`, default 5. */
  readonly rounds: number;
  /** Removed at the end; HOME, XDG_* and TMPDIR point inside it. */
  readonly scratch: string;
  /** The environment as given, for builds (only the browser's is redirected). */
  readonly givenEnv: NodeJS.ProcessEnv;
  /** A line on stderr, prefixed with the benchmark's name. */
  readonly progress: (message: string) => void;
  /** Runs `step` at the end, before the steps added earlier. */
  onCleanUp(step: () => Promise<void>): void;
  /** Browsers and contexts open now, closed by the clean-up if still open. */
  readonly openBrowsers: Set<{ close(): Promise<void> }>;
  /** Runs the benchmark, prints its failure if any, and cleans up. */
  run(main: () => Promise<void>): Promise<void>;
}

/** Exits at once when the rounds or Chromium are wrong; `name` is `bench:app`, say. */
export function startBenchSession(name: string): BenchSession {
  const exitEarly = (message: string): never => {
    console.error(`${name}: ${message}`);
    process.exit(1);
  };
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  if (!Number.isInteger(rounds) || rounds < 1) {
    exitEarly(`BENCH_ROUNDS must be a positive integer, not "${process.env.BENCH_ROUNDS ?? ''}"`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    exitEarly(`${CHROMIUM_PATH} is missing: run \`bash tools/ensure-chromium.sh\` to install it.`);
  }
  const progress = (message: string): void => {
    console.error(`${name}: ${message}`);
  };
  const givenEnv = { ...process.env };

  // Chromium and Playwright write profiles and caches under HOME, XDG_* and
  // TMPDIR: point them all into one scratch folder, removed at the end.
  const scratch = mkdtempSync(join(tmpdir(), `loopscope-${name.replace(/\W/g, '-')}-`));
  for (const [variable, sub] of Object.entries({
    HOME: 'home',
    XDG_CONFIG_HOME: 'config',
    XDG_CACHE_HOME: 'cache',
    TMPDIR: 'tmp',
  })) {
    const dir = join(scratch, sub);
    mkdirSync(dir);
    process.env[variable] = dir;
  }

  const cleanups: (() => Promise<void>)[] = [
    () => {
      rmSync(scratch, { recursive: true, force: true });
      return Promise.resolve();
    },
  ];
  const cleanUp = async (): Promise<void> => {
    for (const step of cleanups.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`${name}: cleaning up:`, error);
      }
    }
  };
  const openBrowsers = new Set<{ close(): Promise<void> }>();
  cleanups.push(async () => {
    await Promise.all([...openBrowsers].map((browser) => browser.close()));
  });

  /** Set when a signal stops the benchmark: the errors that follow are not news. */
  const stopped = { bySignal: false };
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.once(signal, () => {
      stopped.bySignal = true;
      progress(`${signal}: cleaning up`);
      void cleanUp().finally(() => process.exit(code));
    });
  }

  return {
    rounds,
    scratch,
    givenEnv,
    progress,
    onCleanUp(step) {
      cleanups.push(step);
    },
    openBrowsers,
    async run(main) {
      try {
        await main();
      } catch (error) {
        const text = stopped.bySignal
          ? 'interrupted'
          : error instanceof BenchError
            ? error.message
            : error instanceof Error
              ? (error.stack ?? error.message)
              : String(error);
        console.error(`${name}: ${text}`);
        process.exitCode = 1;
      } finally {
        await cleanUp();
      }
    },
  };
}
