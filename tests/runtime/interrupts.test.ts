/**
 * A Stop is never lost: a SIGINT another thread stores at any moment of a
 * busy loop ends the run (app/runtime/host/interruptBuffer.ts). Pyodide's
 * own way of reading the buffer lost about one in thirty of these.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, expect, it } from 'vitest';
import { SIGINT } from '../../app/runtime/protocol';
import { dedent, useRuntime } from './runtimeFixture';

const runtime = useRuntime();

// control[0]: 1 once a run has begun its loop; control[1]: 1 once the run
// has ended; control[2]: how many SIGINTs Python missed, so stored again.
const INTERRUPTER_SOURCE = `
const { workerData } = require('node:worker_threads');
const interrupt = new Int32Array(workerData.interrupt);
const control = new Int32Array(workerData.control);
for (;;) {
  Atomics.wait(control, 0, 0);
  Atomics.store(control, 0, 0);
  // A busy wait of a random length, so that the store lands anywhere in Python's loop.
  const at = performance.now() + 1 + Math.random() * 4;
  while (performance.now() < at);
  Atomics.store(interrupt, 0, ${SIGINT});
  while (Atomics.wait(control, 1, 0, 2000) === 'timed-out') {
    Atomics.add(control, 2, 1);
    Atomics.store(interrupt, 0, ${SIGINT});
  }
  Atomics.store(control, 1, 0);
}
`;

const interrupt = new Int32Array(new SharedArrayBuffer(4));
const control = new Int32Array(new SharedArrayBuffer(12));
const interrupter = new Worker(INTERRUPTER_SOURCE, {
  eval: true,
  workerData: { interrupt: interrupt.buffer, control: control.buffer },
});

afterAll(async () => {
  await interrupter.terminate();
});

it('ends every busy loop at the first SIGINT, wherever in the loop it lands', () => {
  const { python } = runtime();
  python.listenForInterrupts(interrupt);
  // The first batch of events leaves when a batch's worth of lines
  // (trace.py's BATCH_SIZE) is written: then the loop is about to begin.
  const source = dedent(`
    for _ in range(2048):
        print(".")
    while True:
        pass
  `);
  const outcomes = new Set<string>();
  for (let run = 0; run < 200; run++) {
    let begun = false;
    const summary = python.run({ source, filename: 'main.py', trace: false }, () => {
      if (begun) return;
      begun = true;
      Atomics.store(control, 0, 1);
      Atomics.notify(control, 0);
    });
    Atomics.store(control, 1, 1);
    Atomics.notify(control, 1);
    while (Atomics.load(control, 1) !== 0) Atomics.wait(control, 1, 1, 10);
    outcomes.add(summary.outcome);
  }
  expect(Atomics.load(control, 2)).toBe(0);
  expect([...outcomes]).toEqual(['interrupted']);
});
