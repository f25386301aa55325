import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSandboxClient,
  SandboxBusyError,
  type SandboxClient,
  type SandboxClientOptions,
  type SandboxWorker,
} from './createSandboxClient';
import type { RunSummary } from './host/runtimeTypes';
import type { PageToWorkerMessage, RunMessage, WorkerToPageMessage } from './protocol';
import type { TraceEvent } from './traceSchema';

/** A worker that records what the client sends and says what the test tells it to. */
class FakeWorker implements SandboxWorker {
  readonly sent: PageToWorkerMessage[] = [];
  terminated = false;
  private readonly listeners: ((event: MessageEvent<WorkerToPageMessage>) => void)[] = [];

  postMessage(message: PageToWorkerMessage): void {
    this.sent.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(
    type: 'message' | 'error',
    listener: (event: MessageEvent<WorkerToPageMessage>) => void,
  ): void {
    if (type === 'message') this.listeners.push(listener);
  }

  emit(message: WorkerToPageMessage): void {
    for (const listener of this.listeners) {
      listener({ data: message } as MessageEvent<WorkerToPageMessage>);
    }
  }

  /** The `run` messages received, in order. */
  runs(): RunMessage[] {
    return this.sent.filter((message): message is RunMessage => message.type === 'run');
  }

  lastRunId(): number {
    const run = this.runs().at(-1);
    if (!run) throw new Error('no run was sent');
    return run.runId;
  }
}

const REQUEST = { source: 'print(1)', filename: 'main.py' };

const OUTPUT: TraceEvent = {
  type: 'output',
  stream: 'stdout',
  text: '1\n',
  task: null,
  thread: null,
  chain: [],
  t: 0,
};

function summary(outcome: RunSummary['outcome']): RunSummary {
  return { outcome, exitCode: outcome === 'ok' ? 0 : 1, virtualTime: 0, wallMs: 1, events: 3 };
}

interface Harness {
  readonly client: SandboxClient;
  readonly workers: FakeWorker[];
  /** The newest worker. */
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
    const newest = workers.at(-1);
    if (!newest) throw new Error('no worker');
    return newest;
  };
  return { client, workers, worker };
}

function ready(worker: FakeWorker): void {
  worker.emit({ type: 'status', phase: 'ready' });
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
      { type: 'init', indexURL: 'https://example.test/app/pyodide/' },
    ]);
  });

  it('shares an interrupt buffer when the page is cross-origin isolated', () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, worker } = setUp();
    expect(client.canInterrupt).toBe(true);
    expect(interruptOf(worker())[0]).toBe(0);
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
    expect(worker().runs()).toEqual([{ type: 'run', runId: 1, request: REQUEST }]);
    expect(client.status.getSnapshot()).toEqual({ phase: 'running', runId: 1 });

    worker().emit({ type: 'events', runId: 1, batch: JSON.stringify([OUTPUT]) });
    worker().emit({ type: 'done', runId: 1, summary: summary('ok') });
    await expect(result).resolves.toEqual({
      summary: summary('ok'),
      stoppedBy: null,
      restarted: false,
      message: null,
    });
    expect(events).toEqual([OUTPUT]);
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
    worker().emit({ type: 'done', runId: worker().lastRunId(), summary: summary('ok') });
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

  it('drops messages of runs that are over', async () => {
    const { client, worker } = setUp();
    ready(worker());
    const first = client.run(REQUEST, () => undefined);
    worker().emit({ type: 'done', runId: 1, summary: summary('ok') });
    await first;

    const events: TraceEvent[] = [];
    const second = client.run(REQUEST, (batch) => events.push(...batch));
    expect(worker().lastRunId()).toBe(2);
    worker().emit({ type: 'events', runId: 1, batch: JSON.stringify([OUTPUT]) });
    worker().emit({ type: 'done', runId: 1, summary: summary('error') });
    worker().emit({ type: 'failed', runId: 1, message: 'late' });
    expect(events).toEqual([]);
    expect(client.status.getSnapshot()).toEqual({ phase: 'running', runId: 2 });

    worker().emit({ type: 'done', runId: 2, summary: summary('ok') });
    await expect(second).resolves.toMatchObject({ summary: summary('ok') });
  });

  it('drops messages from a worker that was replaced', async () => {
    const { client, workers } = setUp();
    const [old] = workers;
    if (!old) throw new Error('no worker');
    ready(old);
    const stopped = client.run(REQUEST, () => undefined);
    client.stop(); // not isolated: terminates and starts a new worker
    await stopped;

    const events: TraceEvent[] = [];
    const next = client.run(REQUEST, (batch) => events.push(...batch));
    old.emit({ type: 'status', phase: 'ready' });
    old.emit({ type: 'events', runId: 2, batch: JSON.stringify([OUTPUT]) });
    expect(client.status.getSnapshot().phase).toBe('downloading');
    expect(events).toEqual([]);

    const fresh = workers[1];
    if (!fresh) throw new Error('no fresh worker');
    ready(fresh);
    fresh.emit({ type: 'events', runId: 2, batch: JSON.stringify([OUTPUT]) });
    fresh.emit({ type: 'done', runId: 2, summary: summary('ok') });
    await next;
    expect(events).toEqual([OUTPUT]);
  });

  it('restarts Python after an internal error during a run', async () => {
    const { client, workers, worker } = setUp();
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    worker().emit({ type: 'failed', runId: 1, message: 'fatal error' });
    const ended = await result;
    expect(ended).toMatchObject({ summary: null, stoppedBy: null, restarted: true });
    expect(ended.message).toMatch(/internal error.*fatal error/);
    expect(workers).toHaveLength(2);
  });

  it('answers syntax checks by request id', async () => {
    const { client, worker } = setUp();
    const first = client.checkSyntax('x = (', 'main.py');
    const second = client.checkSyntax('x = 1', 'main.py');
    const problem = { error: 'SyntaxError', message: "'(' was never closed", line: 1, column: 5 };
    worker().emit({ type: 'syntax', requestId: 2, problem: null });
    worker().emit({ type: 'syntax', requestId: 1, problem });
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
    expect(interruptOf(worker())[0]).toBe(2);
    expect(client.status.getSnapshot()).toEqual({ phase: 'stopping', runId: 1 });

    worker().emit({ type: 'done', runId: 1, summary: summary('interrupted') });
    await expect(result).resolves.toEqual({
      summary: summary('interrupted'),
      stoppedBy: 'user',
      restarted: false,
      message: 'Stopped.',
    });
    expect(workers).toHaveLength(1);
    expect(worker().terminated).toBe(false);
    // The answer came in time: no restart later either.
    vi.advanceTimersByTime(10_000);
    expect(workers).toHaveLength(1);
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

    worker().emit({ type: 'done', runId: 1, summary: summary('interrupted') });
    await expect(result).resolves.toEqual({
      summary: summary('interrupted'),
      stoppedBy: 'watchdog',
      restarted: false,
      message: WATCHDOG_MESSAGE,
    });
  });

  it('counts every batch as a sign of life', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const { client, worker } = setUp({ watchdogMs: 8000 });
    ready(worker());
    const result = client.run(REQUEST, () => undefined);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(7000);
      worker().emit({ type: 'events', runId: 1, batch: JSON.stringify([OUTPUT]) });
    }
    expect(interruptOf(worker())[0]).toBe(0);
    worker().emit({ type: 'done', runId: 1, summary: summary('ok') });
    await expect(result).resolves.toMatchObject({ stoppedBy: null, message: null });
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
