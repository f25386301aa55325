/**
 * How this project starts Chromium (the e2e tests and the benchmarks alike):
 * Debian's build, since Playwright's browser downloads do not work on these
 * machines, with the flags that keep it off the closed network (see
 * /work/shared/TOOLCHAIN.md; without them it retries outside connections).
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
