/**
 * The public asyncio API a learner meets, for the editor's completions and
 * hovers. Pure data: no React, no DOM, no Monaco.
 *
 * Parameter names and defaults are those of CPython 3.14's own sources
 * (Lib/asyncio/*.py and the C `_asyncio` module, as `inspect.signature`
 * reports them), with annotations left out. asyncioApi.test.ts checks every
 * entry against `inspect.signature` in Pyodide's CPython 3.14, so they cannot
 * drift. One exception, on purpose: `create_task` is `(coro, **kwargs)` in
 * the source; the keywords it passes on to the Task are spelled out, as the
 * 3.14 documentation does.
 */

/** What a name is, which decides how it is declared in a hover. */
export type AsyncioApiKind = 'coroutine' | 'function' | 'class' | 'exception' | 'constant';

/** One public name of the asyncio module. */
export interface AsyncioApiEntry {
  /** The name after `asyncio.`. */
  readonly name: string;
  readonly kind: AsyncioApiKind;
  /**
   * For a coroutine, function or class: its parameters, e.g. `(delay, result=None)`.
   * For an exception: its base classes. For a constant: its value.
   */
  readonly signature: string;
  /** One line on what it is for. */
  readonly doc: string;
  /** Deprecated in 3.14: still works, but say so. */
  readonly deprecated?: true;
}

/** In the order a learner meets them; completions keep this order. */
export const ASYNCIO_API: readonly AsyncioApiEntry[] = [
  // Running a program
  {
    name: 'run',
    kind: 'function',
    signature: '(main, *, debug=None, loop_factory=None)',
    doc: 'Runs the coroutine `main` in a new event loop, closes the loop, and returns the result: the usual entry point of a program.',
  },
  {
    name: 'sleep',
    kind: 'coroutine',
    signature: '(delay, result=None)',
    doc: 'Suspends the current task for `delay` seconds, then returns `result`. `await asyncio.sleep(0)` just lets other tasks run.',
  },
  {
    name: 'create_task',
    kind: 'function',
    signature: '(coro, *, name=None, context=None, eager_start=None, **kwargs)',
    doc: 'Wraps the coroutine in a Task and schedules it on the running loop; returns the Task. Keep a reference to it until it is done.',
  },
  {
    name: 'gather',
    kind: 'function',
    signature: '(*coros_or_futures, return_exceptions=False)',
    doc: 'Runs the awaitables concurrently; awaiting it returns their results as a list, in the order given.',
  },
  {
    name: 'TaskGroup',
    kind: 'class',
    signature: '()',
    doc: '`async with asyncio.TaskGroup() as tg:` starts tasks with `tg.create_task()` and waits for all of them; if one fails, the others are cancelled and the errors raised as an ExceptionGroup.',
  },
  {
    name: 'wait',
    kind: 'coroutine',
    signature: '(fs, *, timeout=None, return_when=ALL_COMPLETED)',
    doc: 'Waits for the tasks or futures in `fs`; returns two sets, `(done, pending)`. Cancels nothing.',
  },
  {
    name: 'wait_for',
    kind: 'coroutine',
    signature: '(fut, timeout)',
    doc: 'Waits for one awaitable; after `timeout` seconds cancels it and raises TimeoutError.',
  },
  {
    name: 'as_completed',
    kind: 'function',
    signature: '(fs, *, timeout=None)',
    doc: 'Iterates over the awaitables in the order they finish: `for aw in as_completed(fs): await aw`, or `async for task in as_completed(fs)`.',
  },
  {
    name: 'timeout',
    kind: 'function',
    signature: '(delay)',
    doc: '`async with asyncio.timeout(delay):` cancels the block after `delay` seconds (None: no limit) and raises TimeoutError.',
  },
  {
    name: 'timeout_at',
    kind: 'function',
    signature: '(when)',
    doc: 'Like `timeout()`, with an absolute deadline in `loop.time()` terms.',
  },
  {
    name: 'shield',
    kind: 'function',
    signature: '(arg)',
    doc: 'Protects an awaitable from cancellation: cancelling the task that awaits it does not cancel the awaitable itself.',
  },
  {
    name: 'to_thread',
    kind: 'coroutine',
    signature: '(func, /, *args, **kwargs)',
    doc: 'Runs a blocking function in a worker thread and returns its result, so the event loop keeps running (in Loopscope the thread is simulated in virtual time).',
  },

  // Tasks and futures
  {
    name: 'Task',
    kind: 'class',
    signature: '(coro, *, loop=None, name=None, context=None, eager_start=False)',
    doc: 'A Future that drives a coroutine, one step at a time. Create tasks with `create_task()`, not directly.',
  },
  {
    name: 'Future',
    kind: 'class',
    signature: '(*, loop=None)',
    doc: 'A placeholder for a result that arrives later, through `set_result()` or `set_exception()`; awaiting it suspends until then.',
  },
  {
    name: 'current_task',
    kind: 'function',
    signature: '(loop=None)',
    doc: 'Returns the Task that is running now, or None outside a task.',
  },
  {
    name: 'all_tasks',
    kind: 'function',
    signature: '(loop=None)',
    doc: 'Returns the set of tasks of the running loop that are not done yet.',
  },
  {
    name: 'ensure_future',
    kind: 'function',
    signature: '(coro_or_future, *, loop=None)',
    doc: 'Wraps a coroutine in a Task; a Future is returned as it is. Prefer `create_task()` for coroutines.',
  },
  {
    name: 'iscoroutine',
    kind: 'function',
    signature: '(obj)',
    doc: 'Returns True if `obj` is a coroutine object (what calling an `async def` function returns).',
  },
  {
    name: 'iscoroutinefunction',
    kind: 'function',
    signature: '(func)',
    doc: 'Deprecated since 3.14 (removed in 3.16): use `inspect.iscoroutinefunction()`.',
    deprecated: true,
  },
  {
    name: 'isfuture',
    kind: 'function',
    signature: '(obj)',
    doc: 'Returns True if `obj` is an asyncio Future (a Task is one too).',
  },
  {
    name: 'wrap_future',
    kind: 'function',
    signature: '(future, *, loop=None)',
    doc: 'Wraps a `concurrent.futures.Future` in an asyncio Future that can be awaited.',
  },
  {
    name: 'run_coroutine_threadsafe',
    kind: 'function',
    signature: '(coro, loop)',
    doc: 'From another thread: submits a coroutine to `loop` and returns a `concurrent.futures.Future` for its result.',
  },
  {
    name: 'eager_task_factory',
    kind: 'function',
    signature: '(loop, coro, *, eager_start=True, **kwargs)',
    doc: 'A task factory (`loop.set_task_factory(asyncio.eager_task_factory)`) whose tasks run their first step at once, inside `create_task()`.',
  },
  {
    name: 'create_eager_task_factory',
    kind: 'function',
    signature: '(custom_task_constructor)',
    doc: 'Makes an eager task factory that builds tasks with `custom_task_constructor`.',
  },

  // The event loop
  {
    name: 'get_running_loop',
    kind: 'function',
    signature: '()',
    doc: 'Returns the running event loop; raises RuntimeError when no loop is running (call it from a coroutine).',
  },
  {
    name: 'Runner',
    kind: 'class',
    signature: '(*, debug=None, loop_factory=None)',
    doc: '`with asyncio.Runner() as runner: runner.run(coro)` runs several top-level coroutines in the same event loop.',
  },
  {
    name: 'new_event_loop',
    kind: 'function',
    signature: '()',
    doc: 'Creates a new event loop. Prefer `asyncio.run()` or `asyncio.Runner`, which also close it.',
  },
  {
    name: 'get_event_loop',
    kind: 'function',
    signature: '()',
    doc: 'Returns the running loop, or the one set with `set_event_loop()`; since 3.14 it raises RuntimeError rather than create one. Prefer `get_running_loop()`.',
  },
  {
    name: 'set_event_loop',
    kind: 'function',
    signature: '(loop)',
    doc: 'Makes `loop` the current event loop of this thread.',
  },

  // Synchronization
  {
    name: 'Lock',
    kind: 'class',
    signature: '()',
    doc: '`async with lock:` lets one task at a time into the block; the others wait their turn.',
  },
  {
    name: 'Event',
    kind: 'class',
    signature: '()',
    doc: 'A flag that tasks wait for: `await event.wait()` suspends until another task calls `event.set()`.',
  },
  {
    name: 'Condition',
    kind: 'class',
    signature: '(lock=None)',
    doc: '`async with cond: await cond.wait()` suspends until another task calls `cond.notify()`; `wait_for(predicate)` waits for a condition.',
  },
  {
    name: 'Semaphore',
    kind: 'class',
    signature: '(value=1)',
    doc: '`async with sem:` lets at most `value` tasks into the block at once: a limit on concurrency.',
  },
  {
    name: 'BoundedSemaphore',
    kind: 'class',
    signature: '(value=1)',
    doc: 'A Semaphore that raises ValueError when released more often than it was acquired.',
  },
  {
    name: 'Barrier',
    kind: 'class',
    signature: '(parties)',
    doc: '`await barrier.wait()` suspends each task until `parties` tasks are waiting, then releases them all.',
  },

  // Queues
  {
    name: 'Queue',
    kind: 'class',
    signature: '(maxsize=0)',
    doc: 'A first-in, first-out queue between tasks: `await put(item)`, `await get()`, `task_done()`, `await join()`, `shutdown()`. `maxsize=0`: no limit.',
  },
  {
    name: 'PriorityQueue',
    kind: 'class',
    signature: '(maxsize=0)',
    doc: 'A Queue that hands out the lowest entry first, e.g. `(priority, item)` tuples.',
  },
  {
    name: 'LifoQueue',
    kind: 'class',
    signature: '(maxsize=0)',
    doc: 'A Queue that hands out the most recently added entry first (last in, first out).',
  },

  // Streams
  {
    name: 'open_connection',
    kind: 'coroutine',
    signature: '(host=None, port=None, *, limit=65536, **kwds)',
    doc: 'Connects to a TCP server and returns a `(reader, writer)` pair.',
  },
  {
    name: 'start_server',
    kind: 'coroutine',
    signature: '(client_connected_cb, host=None, port=None, *, limit=65536, **kwds)',
    doc: 'Starts a TCP server that calls `client_connected_cb(reader, writer)` for each client; returns the Server (`async with server: await server.serve_forever()`).',
  },
  {
    name: 'StreamReader',
    kind: 'class',
    signature: '(limit=65536, loop=None)',
    doc: 'The reading end of a connection: `await read(n)`, `readline()`, `readexactly(n)`, `readuntil(separator)`.',
  },
  {
    name: 'StreamWriter',
    kind: 'class',
    signature: '(transport, protocol, reader, loop)',
    doc: 'The writing end of a connection: `write(data)`, then `await drain()`; `close()`, then `await wait_closed()`.',
  },

  // Exceptions
  {
    name: 'CancelledError',
    kind: 'exception',
    signature: '(BaseException)',
    doc: 'Raised inside a task that is being cancelled. A BaseException, so `except Exception` does not catch it; re-raise it after cleaning up.',
  },
  {
    name: 'TimeoutError',
    kind: 'exception',
    signature: '(OSError)',
    doc: 'Raised when a deadline passes (`timeout()`, `wait_for()`); the built-in TimeoutError since 3.11.',
  },
  {
    name: 'InvalidStateError',
    kind: 'exception',
    signature: '(Exception)',
    doc: 'The operation is not allowed in this state, e.g. `result()` of a Future that is not done.',
  },
  {
    name: 'QueueEmpty',
    kind: 'exception',
    signature: '(Exception)',
    doc: 'Raised by `get_nowait()` on an empty Queue.',
  },
  {
    name: 'QueueFull',
    kind: 'exception',
    signature: '(Exception)',
    doc: 'Raised by `put_nowait()` on a Queue that has reached its maxsize.',
  },
  {
    name: 'QueueShutDown',
    kind: 'exception',
    signature: '(Exception)',
    doc: 'Raised by `put()` or `get()` on a Queue that was shut down (new in 3.13).',
  },
  {
    name: 'BrokenBarrierError',
    kind: 'exception',
    signature: '(RuntimeError)',
    doc: 'Raised by `Barrier.wait()` when the barrier is aborted or reset.',
  },
  {
    name: 'IncompleteReadError',
    kind: 'exception',
    signature: '(EOFError)',
    doc: 'The stream ended before `readexactly()` or `readuntil()` got what it asked for; `.partial` holds what arrived.',
  },
  {
    name: 'LimitOverrunError',
    kind: 'exception',
    signature: '(Exception)',
    doc: 'The buffer limit was reached while `readuntil()` looked for its separator.',
  },

  // Less common
  {
    name: 'Timeout',
    kind: 'class',
    signature: '(when)',
    doc: 'What `timeout()` and `timeout_at()` return: `when()`, `reschedule(when)`, `expired()`. Do not create it directly.',
  },
  {
    name: 'FIRST_COMPLETED',
    kind: 'constant',
    signature: "'FIRST_COMPLETED'",
    doc: '`wait(..., return_when=FIRST_COMPLETED)` returns as soon as any awaitable finishes or is cancelled.',
  },
  {
    name: 'FIRST_EXCEPTION',
    kind: 'constant',
    signature: "'FIRST_EXCEPTION'",
    doc: '`wait(..., return_when=FIRST_EXCEPTION)` returns when any awaitable raises, or when all are done.',
  },
  {
    name: 'ALL_COMPLETED',
    kind: 'constant',
    signature: "'ALL_COMPLETED'",
    doc: '`wait(..., return_when=ALL_COMPLETED)`, the default: returns when all awaitables are done.',
  },
  {
    name: 'capture_call_graph',
    kind: 'function',
    signature: '(future=None, /, *, depth=1, limit=None)',
    doc: 'Returns the async call graph of the current task (or of `future`): which coroutines await which (new in 3.14).',
  },
  {
    name: 'format_call_graph',
    kind: 'function',
    signature: '(future=None, /, *, depth=1, limit=None)',
    doc: 'Returns the async call graph of the current task (or of `future`) as text (new in 3.14).',
  },
  {
    name: 'print_call_graph',
    kind: 'function',
    signature: '(future=None, /, *, file=None, depth=1, limit=None)',
    doc: 'Prints the async call graph of the current task (or of `future`) (new in 3.14).',
  },
];

const BY_NAME: ReadonlyMap<string, AsyncioApiEntry> = new Map(
  ASYNCIO_API.map((entry) => [entry.name, entry]),
);

/** The entry for `asyncio.<name>`, if the name is one of the API's. */
export function asyncioEntry(name: string): AsyncioApiEntry | undefined {
  return BY_NAME.get(name);
}

/** How the name is declared, as Python a hover can show: `async def sleep(delay, result=None)`. */
export function declarationOf(entry: AsyncioApiEntry): string {
  switch (entry.kind) {
    case 'coroutine':
      return `async def ${entry.name}${entry.signature}`;
    case 'function':
      return `def ${entry.name}${entry.signature}`;
    case 'class':
      return `class ${entry.name}${entry.signature}`;
    case 'exception':
      return `class ${entry.name}${entry.signature}`;
    case 'constant':
      return `${entry.name} = ${entry.signature}`;
  }
}
