"""A thread pool simulated in virtual time (Pyodide has no threads).

`run_in_executor` runs the blocking function at once, on the loop's own
thread, while `time.sleep` inside it adds to the function's duration instead
of moving the clock. The awaiting task resumes at start time plus that
duration, which is when a real worker thread would have finished. What the
function prints is held back and written at the virtual time it would have
appeared, so the output's order matches CPython's.

The pool has as many simulated workers as CPython's default executor, so a
burst of submissions queues exactly as it would there.
"""

import contextvars
import functools
import os
import sys
from collections.abc import Callable

from . import wire
from .clock import real_perf_counter
from .frames import chain_boundary


def default_worker_count() -> int:
    """CPython's ThreadPoolExecutor default: min(32, cpu_count + 4)."""
    return min(32, (os.process_cpu_count() or 1) + 4)


class ThreadContext:
    """While a simulated thread runs: its elapsed virtual time and held-back output.

    The thread's clock reads `start + elapsed`: its own `time.sleep` calls and
    busy work (clock_reads.py) add to `elapsed`; busy work also to `cpu_ns`.
    """

    def __init__(self, thread: int, start: float) -> None:
        self.thread = thread
        self.start = start
        self.elapsed = 0.0
        self.cpu_ns = 0
        # (virtual time, stream, text, the learner's frames of its last write)
        self.output: list[tuple[float, str, str, list[dict]]] = []

    def hold(self, stream: str, text: str, chain: list[dict]) -> None:
        """Keeps text for later; writes at the same moment join, so a print stays one piece.

        A joined piece keeps the chain of its last write, the one that
        completes it, as output written at once does.
        """
        when = self.start + self.elapsed
        output = self.output
        if output and output[-1][0] == when and output[-1][1] == stream:
            output[-1] = (when, stream, output[-1][2] + text, chain)
        else:
            output.append((when, stream, text, chain))


class SimulatedThreadPool:
    """The loop's default executor, and any executor passed to run_in_executor."""

    def __init__(self, loop) -> None:
        self._loop = loop
        self._next_thread = 0
        # Per executor: the virtual time each worker becomes free.
        self._free_at: dict[int, list[float]] = {}

    @chain_boundary  # the thread's output is its function's, not the awaiting task's
    def submit(self, executor, func: Callable, args: tuple):
        loop = self._loop
        run = loop._run
        future = loop.create_future()
        if future._ls_wait is None or future._ls_wait[0] == "future":
            future._ls_wait = ("executor", None)
        workers = self._workers(executor)
        slot = min(range(len(workers)), key=workers.__getitem__)
        start = max(run.clock.now, workers[slot])
        self._next_thread += 1
        thread = self._next_thread
        name = function_name(func, args)
        tracer = run.tracer
        if tracer.enabled:
            tracer.emit(
                (
                    wire.THREAD_START,
                    thread,
                    slot,
                    name,
                    start,
                    run.current_task or None,
                    run.learner.current_line(),
                )
            )
        context = ThreadContext(thread, start)
        outer, run.thread_context = run.thread_context, context
        started = real_perf_counter()
        try:
            result, error = _call_in_thread(func, args)
        finally:
            run.thread_context = outer
        cpu = real_perf_counter() - started
        end = start + context.elapsed
        workers[slot] = end
        for when, stream, text, chain in context.output:
            loop.call_at(when, _write_later, run, thread, stream, text, chain)
        loop.call_at(end, _finish, future, result, error)
        if tracer.enabled:
            tracer.emit(
                (
                    wire.THREAD_END,
                    thread,
                    end,
                    round(cpu * 1e6),
                    None if error is None else type(error).__name__,
                )
            )
        # A failure's traceback reaches this frame (its function's caller) and
        # keeps it: hold nothing of the program's once returned, so the future
        # and its exception are freed when CPython frees them ("Future
        # exception was never retrieved" as soon as a dropped future is done).
        try:
            return future
        finally:
            del future, result, error, func, args

    def _workers(self, executor) -> list[float]:
        key = id(executor) if executor is not None else 0
        workers = self._free_at.get(key)
        if workers is None:
            count = getattr(executor, "_max_workers", None) or default_worker_count()
            workers = self._free_at[key] = [0.0] * count
        return workers


def function_name(func, args: tuple) -> str:
    """The learner's function, also when `to_thread` wrapped it as partial(context.run, f)."""
    while isinstance(func, functools.partial):
        args = func.args
        func = func.func
    if getattr(func, "__name__", None) == "run" and isinstance(getattr(func, "__self__", None), contextvars.Context):
        func = args[0] if args else func
    return getattr(func, "__qualname__", None) or type(func).__name__


def _call_in_thread(func: Callable, args: tuple) -> tuple[object, BaseException | None]:
    """Runs the function as a worker thread would: (result, None) or (None, its exception).

    The exception belongs to the awaiting task. Its traceback starts at the
    function, as a thread's starts at CPython's worker: this frame is the
    runtime's, and like CPython's `_WorkItem.run` it lets go of the function
    and its arguments, which the traceback would otherwise keep.
    """
    try:
        return func(*args), None
    except BaseException as exc:
        if isinstance(exc, SystemExit) and getattr(exc, "kind", None):
            raise  # a run limit, not the function's failure
        del func, args
        return None, exc.with_traceback(exc.__traceback__.tb_next if exc.__traceback__ else None)


def _write_later(run, thread: int, stream: str, text: str, chain: list[dict]) -> None:
    """Writes a simulated thread's held-back output, attributed to that thread and its frames."""
    target = sys.stdout if stream == "stdout" else sys.stderr
    run.output_thread = thread
    run.output_chain = chain
    try:
        target.write(text)
        target.flush()
    finally:
        run.output_thread = None
        run.output_chain = None


def _finish(future, result, error) -> None:
    if future.cancelled():
        return
    if error is None:
        future.set_result(result)
    else:
        future.set_exception(error)
