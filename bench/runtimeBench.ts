/**
 * `npm run bench:runtime`: what tracing costs.
 *
 * One program, 10,000 tasks each sleeping a random short time, run three ways
 * on one Pyodide interpreter in Node, interleaved round by round so machine
 * noise hits all three alike:
 *   (a) stock   — Pyodide's own event loop (WebLoop: every callback is a JS timer)
 *   (b) untraced — Loopscope's virtual-time loop with tracing off
 *   (c) traced  — the same loop recording every event
 * Prints median wall times, the ratios, events per second and the bytes per
 * event of the batches that would cross to the page.
 *
 * Then times the command line's start-up against a bare Pyodide load.
 *
 * Sleeps are 0–10 ms so that the stock loop, which really waits, is measured
 * mostly on scheduling rather than on sleeping.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeRuntime } from '../app/runtime/host/nodeRuntime';
import { median } from './median';

const TASKS = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const PROGRAM = `
import asyncio, random

async def sleeper(i):
    await asyncio.sleep(random.random() * 0.01)
    return i

async def main():
    tasks = [asyncio.create_task(sleeper(i)) for i in range(${TASKS})]
    done = await asyncio.gather(*tasks)
    assert len(done) == ${TASKS}
`;

const runtime = await loadNodeRuntime();
const { pyodide } = runtime.python;

async function stock(): Promise<number> {
  const started = performance.now();
  // A fresh namespace each round; `await` at the top level runs on Pyodide's own loop.
  await pyodide.runPythonAsync(
    `import random\nrandom.seed(0)\n_bench = {}\nexec(${JSON.stringify(PROGRAM)}, _bench)\nawait _bench['main']()\ndel _bench`,
  );
  return performance.now() - started;
}

/** Runs on Loopscope's loop; the batches are counted as the worker would post them, unparsed. */
function loopscope(trace: boolean): { ms: number; events: number; bytes: number } {
  let bytes = 0;
  const started = performance.now();
  const result = runtime.python.run(
    { source: `${PROGRAM}\nasyncio.run(main())\n`, filename: 'bench.py', trace },
    (batch) => {
      bytes += batch.byteLength;
    },
  );
  const ms = performance.now() - started;
  if (result.outcome !== 'ok')
    throw new Error(`benchmark program failed: ${JSON.stringify(result)}`);
  return { ms, events: result.events, bytes };
}

const times = { stock: [] as number[], untraced: [] as number[], traced: [] as number[] };
let tracedEvents = 0;
let tracedBytes = 0;
// One warm-up round each, not counted.
await stock();
loopscope(false);
loopscope(true);
for (let round = 0; round < ROUNDS; round += 1) {
  times.stock.push(await stock());
  times.untraced.push(loopscope(false).ms);
  const traced = loopscope(true);
  times.traced.push(traced.ms);
  tracedEvents = traced.events;
  tracedBytes = traced.bytes;
}
await runtime.close();

const stockMs = median(times.stock);
const untracedMs = median(times.untraced);
const tracedMs = median(times.traced);
const format = (ms: number): string => `${ms.toFixed(0).padStart(6)} ms`;
console.log(
  `runtime benchmark: ${TASKS.toLocaleString('en')} tasks, median of ${ROUNDS} interleaved rounds`,
);
console.log(`  (a) stock Pyodide loop     ${format(stockMs)}`);
console.log(`  (b) Loopscope, untraced    ${format(untracedMs)}`);
console.log(`  (c) Loopscope, traced      ${format(tracedMs)}`);
console.log(`  traced / untraced          ${(tracedMs / untracedMs).toFixed(2)}x   (target <= 2x)`);
console.log(`  traced / stock             ${(tracedMs / stockMs).toFixed(2)}x   (target < 1x)`);
console.log(
  `  events                     ${tracedEvents.toLocaleString('en')} (${((tracedEvents / tracedMs) * 1000).toFixed(0)} per second)`,
);
console.log(`  bytes per event (marshal)  ${(tracedBytes / tracedEvents).toFixed(1)}`);

// -- Command-line start-up -----------------------------------------------------
// `npm run trace` must start in about the time Pyodide itself takes to load:
// the CLI on the seed example against a bare script that only loads Pyodide,
// both as fresh Node processes, alternated.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'loopscope-bench-'));
const bareLoader = join(scratch, 'bare.mjs');
writeFileSync(
  bareLoader,
  `import { loadPyodide } from ${JSON.stringify(join(repoRoot, 'node_modules/pyodide/pyodide.mjs'))};\nawait loadPyodide();\n`,
);
const seed = join(repoRoot, 'tests/golden/seed_greet.py');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');

function timeProcess(command: string, args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return performance.now() - started;
}

const startup = { bare: [] as number[], cli: [] as number[] };
for (let round = 0; round < ROUNDS; round += 1) {
  startup.bare.push(timeProcess(process.execPath, [bareLoader]));
  startup.cli.push(timeProcess(tsx, ['tools/trace/traceCli.ts', seed]));
}
const bareMs = median(startup.bare);
const cliMs = median(startup.cli);
console.log(`command-line start-up, median of ${ROUNDS} alternated processes`);
console.log(`  bare loadPyodide()         ${format(bareMs)}`);
console.log(`  npm run trace -- seed.py   ${format(cliMs)}`);
console.log(`  trace / bare               ${(cliMs / bareMs).toFixed(2)}x`);
rmSync(scratch, { recursive: true, force: true });
