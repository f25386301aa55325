/**
 * The trace: every event the Python runtime emits, version 5.
 * docs/trace-format.md describes each kind in prose; this file is the typed
 * mirror of app/runtime/python/loopscope_runtime, and tests/golden/schema.test.ts
 * checks that what the runtime emits has exactly these fields. Plain data only.
 */
import {
  isBoolean,
  isNumber,
  isString,
  listOf,
  objectWith,
  oneOf,
  optional,
  orNull,
  type Check,
  type FieldsOf,
} from './plainData';

import { createChainPool, createReasonPool } from './chainPool';
import { readMarshal } from './marshalReader';
import { decodeWireEvent } from './traceWire';

/** Bumped whenever an event changes shape. */
export const TRACE_FORMAT_VERSION = 5;

/** A handle id: one entry of the ready queue or the timer heap. */
export type HandleId = number;
/** A task id, numbered from 1 in creation order within a run. */
export type TaskId = number;

/** First event of every run. */
export interface RunStartEvent {
  readonly type: 'run.start';
  readonly version: number;
  /** The program's file name, as tracebacks show it. */
  readonly file: string;
  /** The CPython version that ran it. */
  readonly python: string;
  /** Whether scheduling events were recorded. */
  readonly traced: boolean;
}

/** Last event of every run. */
export interface RunEndEvent {
  readonly type: 'run.end';
  readonly outcome: 'ok' | 'error' | 'limit' | 'interrupted';
  readonly exitCode: number;
  readonly virtualTime: number;
  /** Measured wall time: differs between runs. */
  readonly wallMs: number;
  readonly events: number;
}

/** An event loop was created (a run may create several). */
export interface LoopCreateEvent {
  readonly type: 'loop.create';
  readonly loop: number;
  readonly t: number;
}

/**
 * One iteration of the event loop begins at virtual time `t`. `due` lists the
 * timers whose deadline has come, moved to the end of the ready queue in this
 * order; the iteration then runs every handle that was in the ready queue at
 * this point (handles made ready meanwhile wait for the next iteration).
 */
export interface IterationEvent {
  readonly type: 'iteration';
  readonly n: number;
  readonly t: number;
  readonly due?: readonly HandleId[];
}

/** A handle joined the ready queue: a task's next step, or a callback. */
export interface ReadyEvent {
  readonly type: 'ready';
  readonly h: HandleId;
  /** The task whose step this handle runs (the task was woken). */
  readonly task?: TaskId;
  /** Otherwise, the callback's name. */
  readonly callback?: string;
  /** The handle whose step scheduled it: the cause of the wake-up. */
  readonly by: HandleId | null;
  /** The callback is asyncio's own (or the runtime's), not one the learner wrote or scheduled. */
  readonly internal?: true;
}

/** A handle in the ready queue was cancelled: it will be skipped, not run. */
export interface ReadyCancelEvent {
  readonly type: 'ready.cancel';
  readonly h: HandleId;
}

/** A timer was added to the timer heap. */
export interface TimerEvent {
  readonly type: 'timer';
  readonly h: HandleId;
  /** Virtual time it is due. */
  readonly when: number;
  /** `sleep`, `timeout`, `set result` or the callback's name. */
  readonly callback: string;
  readonly by: HandleId | null;
  /** For a `timeout` timer: the task the deadline applies to. */
  readonly task?: TaskId;
  /** The callback is asyncio's own (a sleep's wake-up, a timeout), not the learner's. */
  readonly internal?: true;
}

/** A timer was cancelled before it was due. */
export interface TimerCancelEvent {
  readonly type: 'timer.cancel';
  readonly h: HandleId;
}

/**
 * A callback's step is over: handle `h` ran (it was the front of the ready
 * queue). Events recorded while it ran precede this one. A task's step ends
 * with `task.suspend` or `task.end` instead.
 */
export interface StepEvent {
  readonly type: 'step';
  readonly h: HandleId;
  /** Measured CPU time of the step, in microseconds. */
  readonly cpu: number;
}

/** The asyncio API a task was created by, in the words a learner typed. */
export type CreatingApi = string;

/** A task was created. */
export interface TaskCreateEvent {
  readonly type: 'task.create';
  readonly task: TaskId;
  readonly name: string;
  /** The coroutine with its arguments, e.g. `fetch('b')`. */
  readonly coro: string;
  readonly parent: TaskId | null;
  /** The learner's line that created it. */
  readonly line: number | null;
  readonly api: CreatingApi;
  readonly by: HandleId | null;
  /** asyncio's own helper tasks (e.g. shutdown_asyncgens) that run no learner code. */
  readonly internal: boolean;
}

/** What a suspended task waits for. */
export interface WaitReason {
  /**
   * `sleep`, `task`, `gather`, `taskgroup`, `future`, `yield`, `queue.get`,
   * `queue.put`, `queue.join`, `lock`, `semaphore`, `event`, `condition`,
   * `barrier`, `wait`, `as_completed`, `shield`, `stream.read`,
   * `stream.drain`, `executor`, `connect`, `accept`.
   */
  readonly kind: string;
  /** For `sleep`: the virtual time it wakes. */
  readonly until?: number;
  /** For `task`: the task awaited. */
  readonly task?: TaskId;
  /** For `gather` and `taskgroup`: the children. */
  readonly tasks?: readonly TaskId[];
  /** For `gather`: how many children are not done. */
  readonly left?: number;
  /** The learner's variable name for the queue, lock, event … */
  readonly name?: string;
  /** A timeout deadline that applies to the task, if any. */
  readonly deadline?: number;
}

/** One frame of the learner's code: a function and the line it is at. */
export interface ChainFrame {
  readonly fn: string;
  readonly line: number;
}

/** A task's step is over and the task is suspended. Events recorded during the step precede it. */
export interface TaskSuspendEvent {
  readonly type: 'task.suspend';
  /** The handle that ran the step (null: an eager task's first step, run inside create_task). */
  readonly h: HandleId | null;
  readonly task: TaskId;
  readonly reason: WaitReason;
  /** The learner's frames it is suspended in, outermost first. */
  readonly chain: readonly ChainFrame[];
  /** Measured CPU time of the step, in microseconds (null: an eager task's first step). */
  readonly cpu: number | null;
}

/** A task was asked to cancel. */
export interface TaskCancelEvent {
  readonly type: 'task.cancel';
  readonly task: TaskId;
  /** The handle whose step asked. */
  readonly by: HandleId | null;
  /** The task that asked, if a task did. */
  readonly byTask: TaskId | null;
  readonly msg: string | null;
}

/** What every `task.end` carries. */
interface TaskEndBase {
  readonly type: 'task.end';
  /** The handle that ran the last step (null: an eager task's first step, run inside create_task). */
  readonly h: HandleId | null;
  readonly task: TaskId;
  /** Measured CPU time of the last step, in microseconds (null: an eager task's first step). */
  readonly cpu: number | null;
}

/** A task's step is over and the task finished: with a result, cancelled, or with an exception. */
export type TaskEndEvent =
  | (TaskEndBase & { readonly outcome: 'result'; readonly repr: string })
  | (TaskEndBase & { readonly outcome: 'cancelled' })
  | (TaskEndBase & {
      readonly outcome: 'exception';
      readonly error: string;
      readonly message: string;
      readonly line: number | null;
    });

/** Blocking code froze the whole loop: a blocking call (`time.sleep`), or busy work reading the clock. */
export interface LoopBlockedEvent {
  readonly type: 'loop.blocked';
  readonly task: TaskId | null;
  readonly h: HandleId | null;
  readonly line: number | null;
  readonly duration: number;
  /** Virtual time the block began. */
  readonly t: number;
}

/** The program wrote text ending at a line end (or flushed). */
export interface OutputEvent {
  readonly type: 'output';
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
  readonly task: TaskId | null;
  /** The simulated worker thread that printed it (see `thread.start`), or null. */
  readonly thread: number | null;
  /**
   * The learner's frames that wrote it, outermost first: those of the step
   * (from the task's coroutine, the callback or the thread's function), or
   * from `<module>` outside the loop. Empty for what the runtime writes itself
   * (tracebacks, warnings, "Task exception was never retrieved").
   */
  readonly chain: readonly ChainFrame[];
  readonly t: number;
}

/** A warning was shown, e.g. "coroutine 'greet' was never awaited". */
export interface WarningEvent {
  readonly type: 'warning';
  readonly category: string;
  readonly message: string;
  readonly line: number | null;
  readonly task: TaskId | null;
  readonly t: number;
}

/** The program ended with an uncaught exception (or a syntax error). */
export interface ErrorEvent {
  readonly type: 'error';
  readonly error: string;
  readonly message: string;
  readonly line: number | null;
  readonly task: TaskId | null;
  readonly t: number;
}

/** A limit stopped the run. */
export interface LimitEvent {
  readonly type: 'limit';
  readonly kind:
    'virtual-time' | 'iterations' | 'events' | 'output' | 'tasks' | 'deadlock' | 'interrupted';
  readonly message: string;
  readonly t: number;
}

/** A blocking function started on a simulated worker thread (`to_thread`, `run_in_executor`). */
export interface ThreadStartEvent {
  readonly type: 'thread.start';
  readonly thread: number;
  /** Which worker of the pool runs it. */
  readonly worker: number;
  readonly fn: string;
  /** Virtual time it starts (later than now when every worker is busy). */
  readonly start: number;
  readonly task: TaskId | null;
  readonly line: number | null;
}

/** The blocking function finished, at virtual time `end`. */
export interface ThreadEndEvent {
  readonly type: 'thread.end';
  readonly thread: number;
  readonly end: number;
  readonly cpu: number;
  readonly error: string | null;
}

/** A connection on the in-memory network, numbered from 1 in the order they were made. */
export type ConnectionId = number;
/** Which end of a connection: the one that connected, or the one a server accepted. */
export type ConnectionSide = 'client' | 'server';
/** A socket address: host and port. */
export type SocketAddress = readonly [host: string, port: number];

/** A server socket started listening (a server has one per address it is bound to). */
export interface NetListenEvent {
  readonly type: 'net.listen';
  readonly port: number;
  /** '127.0.0.1' or '::1'; '0.0.0.0' or '::' when it listens on every address. */
  readonly host: string;
  readonly task: TaskId | null;
  readonly by: HandleId | null;
}

/** A client connected to a listening socket (the server accepts it a loop iteration later). */
export interface NetConnectEvent {
  readonly type: 'net.connect';
  readonly conn: ConnectionId;
  /** The client's address, with the port it was given. */
  readonly from: SocketAddress;
  readonly to: SocketAddress;
  readonly task: TaskId | null;
  readonly by: HandleId | null;
}

/** Nobody listens on that address: the connect fails with ConnectionRefusedError. */
export interface NetRefusedEvent {
  readonly type: 'net.refused';
  readonly to: SocketAddress;
  readonly task: TaskId | null;
  readonly by: HandleId | null;
}

/** One end of a connection sent bytes to the other. */
export interface NetSendEvent {
  readonly type: 'net.send';
  readonly conn: ConnectionId;
  readonly side: ConnectionSide;
  readonly bytes: number;
  /** The repr of the first 40 bytes, e.g. `b'hello\n'`. */
  readonly preview: string;
  readonly task: TaskId | null;
  readonly by: HandleId | null;
}

/** One end of a connection read bytes: as many as had arrived, however many sends made them. */
export interface NetRecvEvent {
  readonly type: 'net.recv';
  readonly conn: ConnectionId;
  readonly side: ConnectionSide;
  readonly bytes: number;
  readonly task: TaskId | null;
  readonly by: HandleId | null;
}

/** One end of a connection closed (`close`) or stopped writing (`write_eof`). */
export interface NetCloseEvent {
  readonly type: 'net.close';
  readonly conn: ConnectionId;
  readonly side: ConnectionSide;
  readonly how: 'close' | 'write_eof';
  /**
   * It closed with data it never read, so the peer gets a reset
   * (ConnectionResetError) instead of an end of file.
   */
  readonly reset: boolean;
  readonly task: TaskId | null;
  readonly by: HandleId | null;
}

/** A listening socket closed: new connections to it are refused. */
export interface NetServerCloseEvent {
  readonly type: 'net.server.close';
  readonly port: number;
  readonly host: string;
  readonly task: TaskId | null;
  readonly by: HandleId | null;
}

/** Any event of the trace. */
export type TraceEvent =
  | RunStartEvent
  | RunEndEvent
  | LoopCreateEvent
  | IterationEvent
  | ReadyEvent
  | ReadyCancelEvent
  | TimerEvent
  | TimerCancelEvent
  | StepEvent
  | TaskCreateEvent
  | TaskSuspendEvent
  | TaskCancelEvent
  | TaskEndEvent
  | LoopBlockedEvent
  | OutputEvent
  | WarningEvent
  | ErrorEvent
  | LimitEvent
  | ThreadStartEvent
  | ThreadEndEvent
  | NetListenEvent
  | NetConnectEvent
  | NetRefusedEvent
  | NetSendEvent
  | NetRecvEvent
  | NetCloseEvent
  | NetServerCloseEvent;

const TIME = isNumber;
const ID = isNumber;
const MAYBE_ID = orNull(isNumber);
const MAYBE_LINE = orNull(isNumber);
const TEXT = isString;
const CHAIN = listOf(objectWith({ fn: isString, line: isNumber }));
const ADDRESS: Check = (value) =>
  Array.isArray(value) && value.length === 2 && isString(value[0]) && isNumber(value[1]);
const SIDE = oneOf('client', 'server');

const WAIT_REASON = objectWith({
  kind: TEXT,
  until: optional(TIME),
  task: optional(ID),
  tasks: optional(listOf(ID)),
  left: optional(isNumber),
  name: optional(TEXT),
  deadline: optional(TIME),
} satisfies FieldsOf<WaitReason>);

const TASK_END_FIELDS = {
  h: MAYBE_ID,
  task: ID,
  cpu: orNull(isNumber),
} satisfies FieldsOf<TaskEndBase>;

/** The fields each event of `TaskEndEvent['outcome']` adds. */
const TASK_END_OUTCOMES: Readonly<Record<TaskEndEvent['outcome'], Check>> = {
  result: objectWith({ ...TASK_END_FIELDS, repr: TEXT }),
  cancelled: objectWith(TASK_END_FIELDS),
  exception: objectWith({ ...TASK_END_FIELDS, error: TEXT, message: TEXT, line: MAYBE_LINE }),
};

/** Every event type's fields, as its interface above gives them. */
const EVENT_FIELDS: {
  readonly [T in Exclude<TraceEvent['type'], 'task.end'>]: FieldsOf<
    Extract<TraceEvent, { readonly type: T }>
  >;
} = {
  'run.start': { version: isNumber, file: TEXT, python: TEXT, traced: isBoolean },
  'run.end': {
    outcome: oneOf('ok', 'error', 'limit', 'interrupted'),
    exitCode: isNumber,
    virtualTime: TIME,
    wallMs: isNumber,
    events: isNumber,
  },
  'loop.create': { loop: ID, t: TIME },
  iteration: { n: isNumber, t: TIME, due: optional(listOf(ID)) },
  ready: {
    h: ID,
    task: optional(ID),
    callback: optional(TEXT),
    by: MAYBE_ID,
    internal: optional(oneOf(true)),
  },
  'ready.cancel': { h: ID },
  timer: {
    h: ID,
    when: TIME,
    callback: TEXT,
    by: MAYBE_ID,
    task: optional(ID),
    internal: optional(oneOf(true)),
  },
  'timer.cancel': { h: ID },
  step: { h: ID, cpu: isNumber },
  'task.create': {
    task: ID,
    name: TEXT,
    coro: TEXT,
    parent: MAYBE_ID,
    line: MAYBE_LINE,
    api: TEXT,
    by: MAYBE_ID,
    internal: isBoolean,
  },
  'task.suspend': {
    h: MAYBE_ID,
    task: ID,
    reason: WAIT_REASON,
    chain: CHAIN,
    cpu: orNull(isNumber),
  },
  'task.cancel': { task: ID, by: MAYBE_ID, byTask: MAYBE_ID, msg: orNull(isString) },
  'loop.blocked': { task: MAYBE_ID, h: MAYBE_ID, line: MAYBE_LINE, duration: isNumber, t: TIME },
  output: {
    stream: oneOf('stdout', 'stderr'),
    text: TEXT,
    task: MAYBE_ID,
    thread: MAYBE_ID,
    chain: CHAIN,
    t: TIME,
  },
  warning: { category: TEXT, message: TEXT, line: MAYBE_LINE, task: MAYBE_ID, t: TIME },
  error: { error: TEXT, message: TEXT, line: MAYBE_LINE, task: MAYBE_ID, t: TIME },
  limit: {
    kind: oneOf(
      'virtual-time',
      'iterations',
      'events',
      'output',
      'tasks',
      'deadlock',
      'interrupted',
    ),
    message: TEXT,
    t: TIME,
  },
  'thread.start': {
    thread: ID,
    worker: ID,
    fn: TEXT,
    start: TIME,
    task: MAYBE_ID,
    line: MAYBE_LINE,
  },
  'thread.end': { thread: ID, end: TIME, cpu: isNumber, error: orNull(isString) },
  'net.listen': { port: isNumber, host: TEXT, task: MAYBE_ID, by: MAYBE_ID },
  'net.connect': { conn: ID, from: ADDRESS, to: ADDRESS, task: MAYBE_ID, by: MAYBE_ID },
  'net.refused': { to: ADDRESS, task: MAYBE_ID, by: MAYBE_ID },
  'net.send': {
    conn: ID,
    side: SIDE,
    bytes: isNumber,
    preview: TEXT,
    task: MAYBE_ID,
    by: MAYBE_ID,
  },
  'net.recv': { conn: ID, side: SIDE, bytes: isNumber, task: MAYBE_ID, by: MAYBE_ID },
  'net.close': {
    conn: ID,
    side: SIDE,
    how: oneOf('close', 'write_eof'),
    reset: isBoolean,
    task: MAYBE_ID,
    by: MAYBE_ID,
  },
  'net.server.close': { port: isNumber, host: TEXT, task: MAYBE_ID, by: MAYBE_ID },
};

/** Per event type, the check of a whole event of that type. */
const EVENT_CHECKS = new Map<string, Check>([
  ...Object.entries(EVENT_FIELDS).map(([type, fields]): [string, Check] => [
    type,
    objectWith(fields),
  ]),
  [
    'task.end',
    (event) => {
      const outcome = (event as { readonly outcome?: unknown }).outcome;
      return (
        typeof outcome === 'string' &&
        Object.hasOwn(TASK_END_OUTCOMES, outcome) &&
        TASK_END_OUTCOMES[outcome as TaskEndEvent['outcome']](event)
      );
    },
  ],
]);

/** A batch that is not a list of events as this file describes them. */
export class MalformedBatchError extends Error {
  constructor(what: string) {
    super(`malformed trace batch: ${what}`);
    this.name = 'MalformedBatchError';
  }
}

/**
 * Reads one batch of events as the runtime sends it (its wire events,
 * traceWire.ts, in Python's marshal format, marshalReader.ts), and checks
 * every event's type and fields: a learner's program shares the worker with
 * the runtime, so a batch may not be the runtime's. What the page draws from
 * a batch that passes has the types this file gives it. A runtime of another
 * version fails here too, by name.
 */
export function parseEventBatch(batch: Uint8Array): TraceEvent[] {
  let wires: unknown;
  try {
    wires = readMarshal(batch);
  } catch {
    throw new MalformedBatchError('not marshalled values');
  }
  if (!Array.isArray(wires)) throw new MalformedBatchError('not a list');
  const nested = { chain: createChainPool(), reason: createReasonPool() };
  const events: TraceEvent[] = [];
  for (const [index, wire] of wires.entries()) {
    const event = decodeWireEvent(wire, nested);
    const problem = eventProblem(event);
    if (problem !== null) throw new MalformedBatchError(`event ${index} ${problem}`);
    events.push(event as unknown as TraceEvent);
  }
  return events;
}

/**
 * What is wrong with a value that should be one event as this file
 * describes it, as words that follow "event N" ("has no known type"); null
 * when it is one. Every event the page reads passes here: each batch's, and
 * each line of a saved trace (features/export/savedTrace.ts).
 */
export function eventProblem(value: unknown): string | null {
  const type =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as { readonly type?: unknown }).type
      : undefined;
  const check = typeof type === 'string' ? EVENT_CHECKS.get(type) : undefined;
  if (check === undefined) return 'has no known type';
  if (!check(value)) return `(${String(type)}) lacks a field or has a wrong one`;
  const version = (value as { readonly version?: unknown }).version;
  if (type === 'run.start' && version !== TRACE_FORMAT_VERSION) {
    return `is of trace format ${String(version)}, expected ${String(TRACE_FORMAT_VERSION)}`;
  }
  return null;
}
