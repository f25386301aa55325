import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSandboxClient,
  SandboxBusyError,
  type SandboxClient,
  type SandboxClientOptions,
  type SandboxWorker,
} from './createSandboxClient';
import type { RunSummary } from './host/runtimeTypes';
import type {
  CheckSyntaxMessage,
  PageToWorkerMessage,
  RunMessage,
  WorkerToPageMessage,
} from './protocol';
import { marshalled, wireBatch, wireEvent } from './testing/wireBatch';
import type { TraceEvent } from './traceSchema';

/** A worker that records what the client sends and says what the test tells it to. */
class FakeWorker implements SandboxWorker {
  readonly sent: PageToWorkerMessage[] = [];
  terminated = false;
  private readonly listeners: ((event: MessageEvent<unknown>) => void)[] = [];

  postMessage(message: PageToWorkerMessage): void {
    this.sent.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(
    type: 'message' | 'error',
    listener: (event: MessageEvent<unknown>) => void,
  ): void {
    if (type === 'message') this.listeners.push(listener);
  }

  emit(message: WorkerToPageMessage): void {
    this.post(message);
  }

  /** Posts anything, as a learner's program in the worker can. */
  post(data: unknown): void {
    for (const listener of this.listeners) {
      listener({ data } as MessageEvent<unknown>);
    }
  }

  /** The `run` messages received, in order. */
  runs(): RunMessage[] {
    return this.sent.filter((message): message is RunMessage => message.type === 'run');
  }

  lastRunId(): string {
    const run = this.runs().at(-1);
    if (!run) throw new Error('no run was sent');
    return run.runId;
  }

  /** The `checkSyntax` messages received, in order. */
  syntaxChecks(): CheckSyntaxMessage[] {
    return this.sent.filter(
      (message): message is CheckSyntaxMessage => message.type === 'checkSyntax',
    );
  }
}

const REQUEST = { source: 'print(1)', filename: 'main.py' };

/** The smallest valid wasm module: its magic number and version. */
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

const OUTPUT: TraceEvent = {
  type: 'output',
  stream: 'stdout',
  text: '1\n',
  task: null,
  thread: null,
  chain: [],
  t: 0,
};

/** The end of a callback's step: a sign that the loop moves on. */
const STEP: TraceEvent = { type: 'step', h: 1, cpu: 200_000 };

function summary(outcome: RunSummary['outcome']): RunSummary {
  return { outcome, exitCode: outcome === 'ok' ? 0 : 1, virtualTime: 0, wallMs: 1, events: 3 };
}

interface Harness {
  readonly client: SandboxClient;
  readonly workers: FakeWorker[];
  /** The worker holding Python for the next run (or this one): the oldest not terminated. */
  readonly worker: () => FakeWorker;
}

function setUp(options: SandboxClientOptions = {}): Harness {
  const workers: FakeWorker[] = [];
  const client = createSandboxClient({
    indexURL: 'https://example.test/app/pyodide/',
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    ...options,
  });
  const worker = (): FakeWorker => {
    const holding = workers.find((candidate) => !candidate.terminated);
    if (!holding) throw new Error('no worker');
    return holding;
  };
  return { client, workers, worker };
}

function ready(worker: FakeWorker): void {
  worker.emit({ type: 'status', phase: 'ready' });
}

/** The worker says run `runId` ended, with an interpreter the next run can reuse. */
function runEnded(worker: FakeWorker, runId: string, outcome: RunSummary['outcome']): void {
  worker.emit({ type: 'done', runId, summary: summary(outcome) });
}

/** Runs a program on `worker` to its end. */
async function runOnce(client: SandboxClient, worker: FakeWorker): Promise<void> {
  const run = client.run(REQUEST, () => undefined);
  runEnded(worker, worker.lastRunId(), 'ok');
  await run;
}

/** The interrupt buffer the client handed the worker, as the worker sees it. */
function interruptOf(worker: FakeWorker): Int32Array {
  const init = worker.sent[0];
  if (init?.type !== 'init' || !init.interruptBuffer) throw new Error('no interrupt buffer');
  return new Int32Array(init.interruptBuffer);
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('startup', () => {
  it('sends init with the index URL first, and no interrupt buffer when not isolated', () => {
    const { worker } = setUp();
    expect(worker().sent).toEqual([
      {
        type: 'init',
        indexURL: 'https://example.test/app/pyodide/',
        lifeline: expect.stringMatching(/^loopscope-sandbox-[0-9a-f]{32}$/) as unknown,
      },
    ]);
  });

  it('shares an interrupt buffer when the page is cross-origin isolated', () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, worker } = setUp();
    expect(client.canInterrupt).toBe(true);
    expect(interruptOf(worker())[0]).toBe(0);
  });

  it('hands the wasm the first worker compiled to every worker after it', async () => {
    const compiled = await WebAssembly.compile(EMPTY_WASM_MODULE);
    const { client, workers, worker } = setUp();
    worker().emit({ type: 'status', phase: 'ready', wasm: compiled });
    await runOnce(client, worker());
    const later = await WebAssembly.compile(EMPTY_WASM_MODULE);
    // Later workers compiled nothing of their own, but could not replace the first one's.
    worker().emit({ type: 'status', phase: 'ready', wasm: later });
    await runOnce(client, worker());
    worker().emit({ type: 'status', phase: 'ready', wasm: later });
    const inits = workers.map((started) => started.sent[0]);
    expect(inits.map((init) => init?.type === 'init' && init.wasm)).toEqual([
      undefined,
      compiled,
      compiled,
      compiled,
    ]);
  });

  it('takes nothing but a compiled module as the wasm to hand on', () => {
    const { workers, worker } = setUp();
    const [first] = workers;
    worker().post({ type: 'status', phase: 'ready', wasm: EMPTY_WASM_MODULE });
    expect(first?.terminated).toBe(true);
    expect(worker().sent[0]).not.toHaveProperty('wasm');
  });

  it('never hands on a wasm a program posted: only a worker that ran nothing gives one', async () => {
    const forged = await WebAssembly.compile(EMPTY_WASM_MODULE);
    const { client, workers, worker } = setUp();
    ready(worker());
    const run = client.run(REQUEST, () => undefined);
    worker().emit({ type: 'status', phase: 'ready', wasm: forged });
    runEnded(worker(), worker().lastRunId(), 'ok');
    await run;
    ready(worker());
    expect(workers).toHaveLength(3);
    for (const started of workers) expect(started.sent[0]).not.toHaveProperty('wasm');
  });

  it('lets each worker compile its own while none handed its wasm over', async () => {
    const { client, workers, worker } = setUp();
    ready(worker());
    await runOnce(client, worker());
    ready(worker());
    expect(workers).toHaveLength(3);
    for (const started of workers) expect(started.sent[0]).not.toHaveProperty('wasm');
  });

  it('reports startup progress, then ready', () => {
    const { client, worker } = setUp();
    const seen: string[] = [];
    client.status.subscribe(() => {
      const status = client.status.getSnapshot();
      seen.push(status.phase === 'downloading' ? `downloading ${status.loaded}` : status.phase);
    });
    worker().emit({ type: 'status', phase: 'downloading', loaded: 10, total: 100 });
    worker().emit({ type: 'status', phase: 'starting' });
    ready(worker());
    expect(seen).toEqual(['downloading 10', 'starting', 'ready']);
  });

  it('queues a run requested while Python starts, and sends it once ready', async () => {
    const { client, worker } = setUp();
    const events: TraceEvent[] = [];
    const result = client.run(REQUEST, (batch) => events.push(...batch));
    expect(worker().runs()).toEqual([]);

    ready(worker());
    const runId = worker().lastRunId();
    expect(worker().runs()).toEqual([{ type: 'run', runId, request: REQUEST }]);
    expect(client.status.getSnapshot()).toEqual({ phase: 'running', runId });

    worker().emit({ type: 'events', runId, batch: wireBatch([OUTPUT]) });
    runEnded(worker(), runId, 'ok');
    await expect(result).resolves.toEqual({
      summary: summary('ok'),
      stoppedBy: null,
      restarted: false,
      message: null,
    });
    expect(events).toEqual([OUTPUT]);
    // The next run's interpreter is still starting.
    expect(client.status.getSnapshot()).toEqual({
      phase: 'downloading',
      loaded: null,
      total: null,
    });
    ready(worker());
    expect(client.status.getSnapshot()).toEqual({ phase: 'ready' });
  });

  it('lets the next run retry when Python failed to start', async () => {
    const { client, workers, worker } = setUp();
    const first = client.run(REQUEST, () => undefined);
    worker().emit({ type: 'failed', message: 'Python failed to start: 404' });
    const failed = await first;
    expect(failed.summary).toBeNull();
    expect(failed.message).toMatch(/404/);
    expect(client.status.getSnapshot()).toEqual({
      phase: 'failed',
      message: 'Python failed to start: 404',
    });
    expect(workers[0]?.terminated).toBe(true);

    const second = client.run(REQUEST, () => undefined);
    expect(workers).toHaveLength(2);
    ready(worker());
    runEnded(worker(), worker().lastRunId(), 'ok');
    await expect(second).resolves.toMatchObject({ summary: summary('ok') });
  });
});

describe('runs', () => {
  it('rejects a second run while one is active', async () => {
    const { client, worker } = setUp();
    ready(worker());
    void client.run(REQUEST, () => undefined);
    await expect(client.run(REQUEST, () => undefined)).rejects.toBeInstanceOf(SandboxBusyError);
  });

  it('gives every run a new id of 128 random bits', async () => {
    const { client, worker } = setUp();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ready(worker());
      const result = client.run(REQUEST, () => undefined);
      ids.push(worker().lastRunId());
      runEnded(worker(), worker().lastRunId(), 'ok');
      await result;
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(3);
  });

  it('runs every program in a fresh worker, started as the run before ends', async () => {
    const { client, workers, worker } = setUp();
    ready(worker());
    const first = client.run(REQUEST, () => undefined);
    const [running] = workers;
    if (!running) throw new Error('no worker');
    expect(running.runs()).toHaveLength(1);
    // Nothing starts beside the run: it would slow the run down.
    expect(workers).toHaveLength(1);

    const over = running.lastRunId();
    runEnded(running, over, 'ok');
    await first;
    expect(running.terminated).toBe(true);
    // The next run's worker, alone until it is ready: a spare beside it would slow it down.
    const [, next] = workers;
    if (!next) throw new Error('no next worker');
    expect(next.sent.map((message) => message.type)).toEqual(['init']);
    expect(workers).toHaveLength(2);
    expect(client.status.getSnapshot().phase).toBe('downloading');
    ready(next);
    const spare = workers[2];
    if (!spare) throw new Error('no spare once the next worker was ready');
    expect(spare.sent.map((message) => message.type)).toEqual(['init']);
    // The spare's startup is not the status line's.
    spare.emit({ type: 'status', phase: 'downloading', loaded: 1, total: 2 });
    ready(spare);
    expect(client.status.getSnapshot()).toEqual({ phase: 'ready' });

    const events: TraceEvent[] = [];
    const second = client.run(REQUEST, (batch) => events.push(...batch));
    expect(next.runs()).toHaveLength(1);
    expect(spare.runs()).toEqual([]);
    // What the first worker still had on its way is dropped.
    running.emit({ type: 'events', runId: next.lastRunId(), batch: wireBatch([OUTPUT]) });
    running.emit({ type: 'failed', runId: over, message: 'late' });
    expect(events).toEqual([]);
    runEnded(next, next.lastRunId(), 'ok');
    await expect(second).resolves.toMatchObject({ summary: summary('ok'), message: null });

    // The spare was ready: the third run starts at once, and another spare starts.
    expect(client.status.getSnapshot()).toEqual({ phase: 'ready' });
    expect(workers).toHaveLength(4);
    void client.run(REQUEST, () => undefined);
    expect(spare.runs()).toHaveLength(1);
  });

  it('starts no spare while a run waits for its worker, nor beside that run', async () => {
    const { client, workers, worker } = setUp();
    ready(worker());
    await runOnce(client, worker());
    const [, next] = workers;
    if (!next) throw new Error('no next worker');

    const second = client.run(REQUEST, () => undefined);
    ready(next);
    expect(next.runs()).toHaveLength(1);
    expect(workers).toHaveLength(2);
    runEnded(next, next.lastRunId(), 'ok');
    await second;
    // No spare to take over: a new worker for the next run, and its spare once it is ready.
    expect(workers).toHaveLength(3);
    ready(worker());
    expect(workers).toHaveLength(4);
  });

  it('keeps no spare when asked not to: one worker at a time', async () => {
    const { client, workers, worker } = setUp({ spare: false });
    ready(worker());
    await runOnce(client, worker());
    expect(workers).toHaveLength(2);
    ready(worker());
    await runOnce(client, worker());
    ready(worker());
    expect(workers).toHaveLength(3);
    expect(workers.filter((candidate) => !candidate.terminated)).toHaveLength(1);
  });

  it('starts a waiting run on the spare when the worker it waited for is replaced', async () => {
    const { client, workers, worker } = setUp();
    ready(worker());
    await runOnce(client, worker());
    const [, next] = workers;
    if (!next) throw new Error('no next worker');
    ready(next);
    const spare = workers[2];
    if (!spare) throw new Error('no spare');

    // The next worker says what the runtime never sends: it goes, and the spare takes over.
    next.post({ type: 'nonsense' });
    expect(next.terminated).toBe(true);
    expect(client.status.getSnapshot().phase).toBe('downloading');
    const second = client.run(REQUEST, () => undefined);
    expect(spare.runs()).toEqual([]);
    ready(spare);
    expect(spare.runs()).toHaveLength(1);
    runEnded(spare, spare.lastRunId(), 'ok');
    await expect(second).resolves.toMatchObject({ summary: summary('ok') });
  });

  it('drops a spare that fails to start, and starts another when one is needed', async () => {
    const { client, workers, worker } = setUp();
    ready(worker());
    await runOnce(client, worker());
    const [, next] = workers;
    if (!next) throw new Error('no next worker');
    ready(next);
    const spare = workers[2];
    if (!spare) throw new Error('no spare');
    spare.emit({ type: 'failed', message: 'Python failed to start: 404' });
    expect(spare.terminated).toBe(true);
    expect(client.status.getSnapshot()).toEqual({ phase: 'ready' });

    const second = client.run(REQUEST, () => undefined);
    runEnded(next, next.lastRunId(), 'ok');
    await expect(second).resolves.toMatchObject({ summary: summary('ok'), message: null });
    // No spare to take over: a new worker for the next run, and a new spare once it is ready.
    expect(workers).toHaveLength(4);
    expect(worker()).toBe(workers[3]);
    ready(worker());
    expect(workers).toHaveLength(5);
  });

  it('keeps a worker that ran nothing for the next run', async () => {
    const { client, workers, worker } = setUp();
    const cancelled = client.run(REQUEST, () => undefined);
    client.stop();
    await cancelled;
    ready(worker());
    const next = client.run(REQUEST, () => undefined);
    expect(workers[0]?.runs()).toHaveLength(1);
    runEnded(worker(), worker().lastRunId(), 'ok');
    await expect(next).resolves.toMatchObject({ summary: summary('ok') });
  });

  it('sends no syntax check to a worker running a program: the next worker answers it', async () => {
    const { client, workers, worker } = setUp();
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    const problem = client.checkSyntax('def f(:', 'main.py');
    const [running] = workers;
    if (!running) throw new Error('no worker');
    expect(running.syntaxChecks()).toEqual([]);

    runEnded(running, running.lastRunId(), 'ok');
    await result;
    const [check] = worker().syntaxChecks();
    if (!check) throw new Error('the check was not sent on');
    expect(check).toMatchObject({ source: 'def f(:', filename: 'main.py' });
    worker().emit({ type: 'syntax', requestId: check.requestId, problem: null });
    await expect(problem).resolves.toBeNull();
  });

  it('restarts Python after an internal error during a run', async () => {
    const { client, workers, worker } = setUp();
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    worker().emit({ type: 'failed', runId: worker().lastRunId(), message: 'fatal error' });
    const ended = await result;
    expect(ended).toMatchObject({ summary: null, stoppedBy: null, restarted: true });
    expect(ended.message).toMatch(/internal error.*fatal error/);
    expect(workers).toHaveLength(2);
  });

  it("names a recursion that overflowed the worker's stack, and restarts Python", async () => {
    const { client, workers, worker } = setUp();
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    worker().emit({
      type: 'failed',
      runId: worker().lastRunId(),
      message: 'Maximum call stack size exceeded',
    });
    const ended = await result;
    expect(ended).toMatchObject({ summary: null, stoppedBy: null, restarted: true });
    expect(ended.message).toBe(
      "Stopped: the program's recursion went deeper than the interpreter's stack " +
        '(is there a recursion that never ends?) Python was restarted.',
    );
    expect(workers).toHaveLength(2);
  });

  it('answers syntax checks by request id', async () => {
    const { client, worker } = setUp();
    const first = client.checkSyntax('x = (', 'main.py');
    const second = client.checkSyntax('x = 1', 'main.py');
    const [asked, askedNext] = worker().syntaxChecks();
    if (!asked || !askedNext) throw new Error('the checks were not sent');
    expect(asked.requestId).toMatch(/^[0-9a-f]{32}$/);
    const problem = { error: 'SyntaxError', message: "'(' was never closed", line: 1, column: 5 };
    worker().emit({ type: 'syntax', requestId: askedNext.requestId, problem: null });
    worker().emit({ type: 'syntax', requestId: asked.requestId, problem });
    await expect(first).resolves.toEqual(problem);
    await expect(second).resolves.toBeNull();
  });
});

describe('stop', () => {
  it('interrupts Python through the buffer when isolated', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, workers, worker } = setUp();
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    client.stop();
    const runId = worker().lastRunId();
    expect(interruptOf(worker())[0]).toBe(2);
    expect(client.status.getSnapshot()).toEqual({ phase: 'stopping', runId });

    runEnded(worker(), runId, 'interrupted');
    await expect(result).resolves.toEqual({
      summary: summary('interrupted'),
      stoppedBy: 'user',
      restarted: false,
      message: 'Stopped.',
    });
    // The answer came in time: no restart later either, beyond the next run's worker.
    vi.advanceTimersByTime(10_000);
    expect(workers).toHaveLength(2);
    expect(worker()).toBe(workers[1]);
  });

  it('gives the next run an interpreter no Stop reached, when a Stop came as the run ended', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, worker } = setUp();
    ready(worker());
    const first = client.run(REQUEST, () => undefined);
    // Python finished before it saw the Stop.
    client.stop();
    runEnded(worker(), worker().lastRunId(), 'ok');
    await expect(first).resolves.toMatchObject({ stoppedBy: null, message: null });
    expect(interruptOf(worker())[0]).toBe(0);
  });

  it('ends a run the worker stopped before it began, without a restart', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, workers, worker } = setUp();
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    client.stop();
    // The worker was busy with an earlier message, and found the Stop first.
    worker().emit({
      type: 'failed',
      runId: worker().lastRunId(),
      message: 'stopped before it began',
    });
    await expect(result).resolves.toEqual({
      summary: null,
      stoppedBy: 'user',
      restarted: false,
      message: 'Stopped.',
    });
    expect(workers).toHaveLength(2);
    expect(interruptOf(worker())[0]).toBe(0);
  });

  it('terminates and restarts Python when it does not answer the interrupt', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, workers, worker } = setUp({ answerTimeoutMs: 2000 });
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    client.stop();
    vi.advanceTimersByTime(1999);
    expect(worker().terminated).toBe(false);
    vi.advanceTimersByTime(1);

    await expect(result).resolves.toEqual({
      summary: null,
      stoppedBy: 'user',
      restarted: true,
      message: 'Stopped: Python did not answer within 2 s, so it was restarted.',
    });
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(worker().sent[0]).toMatchObject({ type: 'init' });
    expect(client.status.getSnapshot().phase).toBe('downloading');
  });

  it('waits again, once, for a run to end after Python took the interrupt', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, workers, worker } = setUp({ answerTimeoutMs: 2000 });
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    const runId = worker().lastRunId();
    client.stop();
    vi.advanceTimersByTime(1500);
    const stopped: TraceEvent = {
      type: 'limit',
      kind: 'interrupted',
      message: 'Stopped: the run was interrupted',
      t: 0,
    };
    worker().emit({ type: 'events', runId, batch: wireBatch([stopped]) });
    vi.advanceTimersByTime(1999);
    expect(workers[0]?.terminated).toBe(false);
    // A second stop event (a program can add events of its own) buys no more time.
    worker().emit({ type: 'events', runId, batch: wireBatch([stopped]) });
    vi.advanceTimersByTime(1);
    await expect(result).resolves.toMatchObject({ stoppedBy: 'user', restarted: true });
    expect(workers[0]?.terminated).toBe(true);
  });

  it('terminates and restarts at once when the page cannot interrupt', async () => {
    const { client, workers, worker } = setUp();
    expect(client.canInterrupt).toBe(false);
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    client.stop();
    const stopped = await result;
    expect(stopped).toMatchObject({ summary: null, stoppedBy: 'user', restarted: true });
    expect(stopped.message).toMatch(/restarted/);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('does not wait for Python when Stop is pressed twice', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, workers, worker } = setUp();
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    client.stop();
    client.stop();
    await expect(result).resolves.toMatchObject({ stoppedBy: 'user', restarted: true });
    expect(workers).toHaveLength(2);
  });

  it('cancels a queued run without touching Python', async () => {
    const { client, workers } = setUp();
    const result = client.run(REQUEST, () => undefined);
    client.stop();
    await expect(result).resolves.toMatchObject({
      summary: null,
      stoppedBy: 'user',
      restarted: false,
    });
    expect(workers).toHaveLength(1);
    expect(workers[0]?.runs()).toEqual([]);
  });
});

describe('watchdog', () => {
  const WATCHDOG_MESSAGE =
    'Stopped: the program ran for 8 s without giving control back ' +
    '(is there a loop that never awaits, like `while True: pass`?)';

  it('interrupts a run that sends nothing for watchdogMs', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, worker } = setUp({ watchdogMs: 8000 });
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    vi.advanceTimersByTime(7999);
    expect(interruptOf(worker())[0]).toBe(0);
    vi.advanceTimersByTime(1);
    expect(interruptOf(worker())[0]).toBe(2);

    runEnded(worker(), worker().lastRunId(), 'interrupted');
    await expect(result).resolves.toEqual({
      summary: summary('interrupted'),
      stoppedBy: 'watchdog',
      restarted: false,
      message: WATCHDOG_MESSAGE,
    });
  });

  it('lets a loop run as long as its steps end, however slow', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, worker } = setUp({ watchdogMs: 8000 });
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    const runId = worker().lastRunId();
    // A step of 0.2 s after another, many events each, for 40 s: the
    // runtime sends a step's end within half a second.
    for (let i = 0; i < 80; i++) {
      vi.advanceTimersByTime(500);
      const events = [...Array.from({ length: 50 }, () => OUTPUT), STEP, OUTPUT];
      worker().emit({ type: 'events', runId, batch: wireBatch(events) });
    }
    expect(interruptOf(worker())[0]).toBe(0);
    runEnded(worker(), runId, 'ok');
    await expect(result).resolves.toMatchObject({ stoppedBy: null, message: null });
  });

  it.each([
    [
      'a task step suspends',
      { type: 'task.suspend', h: 1, task: 1, reason: { kind: 'sleep' }, chain: [], cpu: 5 },
    ],
    ['a task ends', { type: 'task.end', h: 1, task: 1, cpu: 5, outcome: 'cancelled' }],
    ['an iteration begins', { type: 'iteration', n: 2, t: 0 }],
  ] satisfies [string, TraceEvent][])('counts it as progress when %s', (_name, event) => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, worker } = setUp({ watchdogMs: 8000 });
    ready(worker());
    void client.run(REQUEST, () => undefined);
    vi.advanceTimersByTime(7000);
    worker().emit({ type: 'events', runId: worker().lastRunId(), batch: wireBatch([event]) });
    vi.advanceTimersByTime(7000);
    expect(interruptOf(worker())[0]).toBe(0);
  });

  it('stops a step that prints but never returns', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, worker } = setUp({ watchdogMs: 8000 });
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    const runId = worker().lastRunId();
    worker().emit({ type: 'events', runId, batch: wireBatch([STEP]) });
    for (let i = 0; i < 7; i++) {
      vi.advanceTimersByTime(1000);
      worker().emit({ type: 'events', runId, batch: wireBatch([OUTPUT, OUTPUT]) });
    }
    expect(interruptOf(worker())[0]).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(interruptOf(worker())[0]).toBe(2);
    runEnded(worker(), runId, 'interrupted');
    await expect(result).resolves.toMatchObject({
      stoppedBy: 'watchdog',
      message: WATCHDOG_MESSAGE,
    });
  });

  it('restarts Python when the page cannot interrupt it', async () => {
    const { client, workers, worker } = setUp({ watchdogMs: 8000 });
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    vi.advanceTimersByTime(8000);
    await expect(result).resolves.toEqual({
      summary: null,
      stoppedBy: 'watchdog',
      restarted: true,
      message: `${WATCHDOG_MESSAGE} Python was restarted.`,
    });
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('restarts Python when the interrupt goes unanswered too', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, workers, worker } = setUp({ watchdogMs: 8000, answerTimeoutMs: 2000 });
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    vi.advanceTimersByTime(10_000);
    const stopped = await result;
    expect(stopped).toMatchObject({ stoppedBy: 'watchdog', restarted: true });
    expect(stopped.message).toContain(WATCHDOG_MESSAGE);
    expect(workers).toHaveLength(2);
  });
});

describe('forged messages', () => {
  const TAMPERED = 'The program sent the page messages of its own: they were ignored.';

  /** The ids a program would try: the numbers runs had before they were tokens, as both. */
  const GUESSES: readonly (string | number)[] = Array.from(
    { length: 200 },
    (_, i) => i + 1,
  ).flatMap((id) => [id, String(id)]);

  /** A run under way on a ready worker, with what it has received. */
  function running(options: SandboxClientOptions = {}) {
    const harness = setUp(options);
    ready(harness.worker());
    const events: TraceEvent[] = [];
    const result = harness.client.run(REQUEST, (batch) => events.push(...batch));
    return { ...harness, events, result, runId: harness.worker().lastRunId() };
  }

  it('drops fake output for every guessed run id', async () => {
    const { worker, events, result, runId } = running();
    for (const id of GUESSES) {
      worker().post({ type: 'events', runId: id, batch: wireBatch([OUTPUT]) });
    }
    expect(events).toEqual([]);

    worker().emit({ type: 'events', runId, batch: wireBatch([OUTPUT]) });
    runEnded(worker(), runId, 'ok');
    expect(events).toEqual([OUTPUT]);
    await expect(result).resolves.toMatchObject({ summary: summary('ok'), message: TAMPERED });
  });

  it('keeps a run going after a fake done, and runs the next one in a fresh worker', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, workers, worker, result, runId } = running({ watchdogMs: 8000 });
    let ended = false;
    void result.then(() => (ended = true));
    for (const id of GUESSES) worker().post({ type: 'done', runId: id, summary: summary('ok') });
    await Promise.resolve();
    expect(ended).toBe(false);
    expect(client.status.getSnapshot()).toEqual({ phase: 'running', runId });

    // Python keeps spinning: the watchdog stops this run, not a later one.
    vi.advanceTimersByTime(8000);
    runEnded(worker(), runId, 'interrupted');
    await expect(result).resolves.toMatchObject({ stoppedBy: 'watchdog', restarted: false });
    expect(workers[0]?.terminated).toBe(true);

    const next = client.run(REQUEST, () => undefined);
    ready(worker());
    expect(interruptOf(worker())[0]).toBe(0);
    worker().emit({ type: 'events', runId: worker().lastRunId(), batch: wireBatch([STEP]) });
    runEnded(worker(), worker().lastRunId(), 'ok');
    await expect(next).resolves.toEqual({
      summary: summary('ok'),
      stoppedBy: null,
      restarted: false,
      message: null,
    });
  });

  it('keeps the status line when a program posts a failure or a status', async () => {
    const { client, worker, result, runId } = running();
    worker().post({ type: 'failed', message: 'Python failed to start: your files are gone' });
    for (const id of GUESSES) worker().post({ type: 'failed', runId: id, message: 'hacked' });
    worker().post({ type: 'status', phase: 'downloading', loaded: 1, total: 2 });
    expect(client.status.getSnapshot()).toEqual({ phase: 'running', runId });

    runEnded(worker(), runId, 'ok');
    const ended = await result;
    expect(ended.message).toBe(TAMPERED);
    expect(ended.message).not.toMatch(/hacked|gone/);
  });

  it('lets the watchdog fire through empty batches', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { worker, result, runId } = running({ watchdogMs: 8000 });
    for (let second = 0; second < 8; second++) {
      for (const id of GUESSES) worker().post({ type: 'events', runId: id, batch: wireBatch([]) });
      // Even a program that got hold of the token sends no step's end.
      worker().emit({ type: 'events', runId, batch: wireBatch([]) });
      vi.advanceTimersByTime(1000);
    }
    expect(interruptOf(worker())[0]).toBe(2);
    runEnded(worker(), runId, 'interrupted');
    await expect(result).resolves.toMatchObject({ stoppedBy: 'watchdog' });
  });

  it('ignores malformed messages without throwing', async () => {
    const { client, worker, events, result, runId } = running();
    const malformed: unknown[] = [
      null,
      undefined,
      42,
      'done',
      [],
      {},
      { type: 'toString' },
      { type: 'events', runId, batch: [OUTPUT] },
      { type: 'events', runId: { toString: () => runId }, batch: '[]' },
      { type: 'done', runId, summary: { outcome: 'finished', exitCode: 0 } },
      { type: 'done', runId, summary: null },
      { type: 'failed', runId, message: 42 },
      { type: 'status', phase: 'ready', loaded: 'all' },
      { type: 'syntax', requestId: 1, problem: 'x' },
    ];
    for (const data of malformed) {
      expect(() => {
        worker().post(data);
      }).not.toThrow();
    }
    expect(events).toEqual([]);
    expect(client.status.getSnapshot()).toEqual({ phase: 'running', runId });

    runEnded(worker(), runId, 'ok');
    await expect(result).resolves.toMatchObject({ summary: summary('ok'), message: TAMPERED });
  });

  it.each([
    ['not marshalled values', new TextEncoder().encode('[{"type": "output", ')],
    ['not a list', marshalled('output')],
    ['events of the wrong shape', marshalled([wireEvent(OUTPUT).with(2, null)])],
  ])('ends the run and restarts Python when a batch with its token is %s', async (_name, batch) => {
    const { worker, workers, events, result, runId } = running();
    expect(() => {
      worker().emit({ type: 'events', runId, batch });
    }).not.toThrow();
    const ended = await result;
    expect(ended).toMatchObject({ summary: null, stoppedBy: null, restarted: true });
    expect(ended.message).toMatch(/could not read/);
    expect(events).toEqual([]);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('replaces an idle worker at once when it posts a forgery', () => {
    const { client, workers, worker } = setUp();
    ready(worker());
    worker().post({ type: 'events', runId: '1', batch: '[]' });
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
    expect(client.status.getSnapshot().phase).toBe('downloading');
  });

  it('drops syntax answers to checks that were not asked', async () => {
    const { client, worker } = setUp();
    ready(worker());
    const check = client.checkSyntax('x = 1', 'main.py');
    const problem = { error: 'SyntaxError', message: 'forged', line: 1, column: 1 };
    for (const id of GUESSES) worker().post({ type: 'syntax', requestId: id, problem });
    // The check is asked again of the fresh worker, which answers it.
    const [asked] = worker().syntaxChecks();
    if (!asked) throw new Error('the check was not sent again');
    worker().emit({ type: 'syntax', requestId: asked.requestId, problem: null });
    await expect(check).resolves.toBeNull();
  });
});

describe('a worker that ends on its own', () => {
  const ENDED =
    'Python stopped unexpectedly (its worker was closed), so it was restarted. Run the program again.';

  /** The lifelines the client watches, by name, and how to end each one's worker. */
  function watched(): {
    readonly options: SandboxClientOptions;
    readonly end: (worker: FakeWorker) => void;
  } {
    const watchers = new Map<string, () => void>();
    return {
      options: {
        watchLifeline: (name, ended) => {
          watchers.set(name, ended);
          return Promise.resolve();
        },
      },
      end: (worker) => {
        const init = worker.sent[0];
        const ended = init?.type === 'init' ? watchers.get(init.lifeline ?? '') : undefined;
        if (!ended) throw new Error('the worker has no lifeline watched');
        ended();
      },
    };
  }

  it('ends the run with a plain message and starts a fresh worker', async () => {
    const { options, end } = watched();
    const { client, workers, worker } = setUp(options);
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    end(worker());
    await expect(result).resolves.toEqual({
      summary: null,
      stoppedBy: null,
      restarted: true,
      message: ENDED,
    });
    expect(workers).toHaveLength(2);
    expect(client.status.getSnapshot().phase).toBe('downloading');

    const next = client.run(REQUEST, () => undefined);
    ready(worker());
    runEnded(worker(), worker().lastRunId(), 'ok');
    await expect(next).resolves.toMatchObject({ summary: summary('ok'), message: null });
  });

  it('starts a fresh worker when an idle one ends', () => {
    const { options, end } = watched();
    const { workers, worker } = setUp(options);
    ready(worker());
    end(worker());
    expect(workers).toHaveLength(2);
  });

  it('waits for Run to try again when the worker ends while Python starts', async () => {
    const { options, end } = watched();
    const { client, workers, worker } = setUp(options);
    const queued = client.run(REQUEST, () => undefined);
    worker().emit({ type: 'status', phase: 'starting' });
    end(worker());
    const message =
      'Python stopped while starting (its worker was closed). Press Run to try again.';
    await expect(queued).resolves.toMatchObject({ summary: null, message });
    expect(client.status.getSnapshot()).toEqual({ phase: 'failed', message });
    expect(workers).toHaveLength(1);
  });

  it('ignores the end of a worker the page replaced itself', async () => {
    const { options, end } = watched();
    const { client, workers, worker } = setUp(options);
    const [first] = workers;
    if (!first) throw new Error('no worker');
    ready(first);
    const stopped = client.run(REQUEST, () => undefined);
    client.stop(); // not isolated: the page terminates the worker
    await stopped;
    ready(worker());
    end(first);
    expect(workers).toHaveLength(3);
    expect(client.status.getSnapshot()).toEqual({ phase: 'ready' });
  });
});

describe('startWhen', () => {
  it('starts no worker until the promise settles', async () => {
    let visible = (): void => undefined;
    const { client, workers } = setUp({
      startWhen: new Promise<void>((resolve) => {
        visible = resolve;
      }),
    });
    expect(workers).toHaveLength(0);
    await expect(client.checkSyntax('x = 1', 'main.py')).resolves.toBeNull();
    expect(workers).toHaveLength(0);
    visible();
    await Promise.resolve();
    expect(workers).toHaveLength(1);
  });

  it('starts at once for a run asked before, and not again when the promise settles', async () => {
    let visible = (): void => undefined;
    const { client, workers, worker } = setUp({
      startWhen: new Promise<void>((resolve) => {
        visible = resolve;
      }),
    });
    const run = client.run(REQUEST, () => undefined);
    expect(workers).toHaveLength(1);
    visible();
    await Promise.resolve();
    expect(workers).toHaveLength(1);
    ready(worker());
    runEnded(worker(), worker().lastRunId(), 'ok');
    await expect(run).resolves.toMatchObject({ summary: summary('ok') });
  });
});
