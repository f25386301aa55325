/**
 * Interrupts Python in Node when a run takes too long in real time.
 *
 * Python runs on Node's main thread and blocks it, so the timer must live on
 * another thread: a tiny worker thread that writes SIGINT into Pyodide's
 * interrupt buffer (a SharedArrayBuffer) when its deadline passes. Python
 * checks that buffer between bytecodes; a long C call is not interrupted.
 * Must not import DOM or React modules.
 */
import { Worker } from 'node:worker_threads';

const SIGINT = 2;

// control[0]: set to 1 by the thread when it has read a message.
// control[1]: set to 1 by the thread when a deadline fired.
const WATCHDOG_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const interrupt = new Int32Array(workerData.interrupt);
const control = new Int32Array(workerData.control);
let timer;
parentPort.on('message', (message) => {
  clearTimeout(timer);
  if (message.arm !== undefined) {
    timer = setTimeout(() => {
      Atomics.store(control, 1, 1);
      Atomics.store(interrupt, 0, ${SIGINT});
    }, message.arm);
  }
  Atomics.store(control, 0, 1);
  Atomics.notify(control, 0);
});
`;

/** Arms a deadline around each run and reports whether it fired. */
export interface NodeWatchdog {
  /** The buffer to hand to `PythonRuntime.listenForInterrupts`. */
  readonly interruptBuffer: Int32Array;
  /** Runs `body` with a real-time deadline; `fired` tells whether Python was interrupted. */
  guard<T>(milliseconds: number, body: () => T): { readonly value: T; readonly fired: boolean };
  /** Stops the watchdog thread. */
  close(): Promise<number>;
}

export function createNodeWatchdog(): NodeWatchdog {
  const interrupt = new Int32Array(new SharedArrayBuffer(4));
  const control = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    workerData: { interrupt: interrupt.buffer, control: control.buffer },
  });
  worker.unref();

  const send = (message: { arm?: number }): void => {
    Atomics.store(control, 0, 0);
    worker.postMessage(message);
    // Wait until the thread has the message, so the deadline starts before Python does.
    Atomics.wait(control, 0, 0, 1000);
  };

  return {
    interruptBuffer: interrupt,
    guard(milliseconds, body) {
      Atomics.store(interrupt, 0, 0);
      Atomics.store(control, 1, 0);
      send({ arm: milliseconds });
      try {
        const value = body();
        return { value, fired: Atomics.load(control, 1) === 1 };
      } finally {
        send({});
        Atomics.store(interrupt, 0, 0);
      }
    },
    close: () => worker.terminate(),
  };
}
