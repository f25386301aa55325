"""The traced, virtual-time event loop.

A `BaseEventLoop` with no selector: CPython's own ready queue and timer heap
decide the order of everything, and when nothing is ready the clock jumps to
the earliest timer. Every handle that enters the ready queue or the timer heap,
and every step that runs, is recorded, so a viewer can rebuild the loop's
state at any step.
"""

import asyncio
import functools
import heapq
import sys
import weakref
from asyncio import base_events, events, futures, timeouts

from . import limits, wire
from .clock import real_perf_counter
from .executor import SimulatedThreadPool
from .frames import RUNTIME_DIR, chain_boundary
from .network import VirtualNetworkMixin
from .run_state import RunState, current_run
from .tasks import CTask, Future, Task, classify_wait, describe_wait, reason_text, report_after_step, task_id


class Handle(events.Handle):
    """A ready-queue entry with a trace id (`h`) and the task whose step it runs."""

    __slots__ = ("_ls_h", "_ls_task")

    def cancel(self):
        if not self._cancelled:
            self._loop._tracer.emit((wire.READY_CANCEL, self._ls_h))
        # CPython's cancel drops the callback, and with it the task; so does the trace's note.
        self._ls_task = None
        super().cancel()


class TimerHandle(events.TimerHandle):
    """A timer-heap entry with a trace id (`h`) and the task whose step it runs.

    On CPython the clock moves between two `call_later` calls, so timers set
    with the same delay in one step get increasing deadlines and fire in the
    order they were set. On the virtual clock those deadlines are exactly
    equal; `_ls_seq` (0 for `call_at`) keeps that order. Deadlines given
    explicitly to `call_at` can tie on CPython too, and then compare equal
    exactly as CPython's TimerHandle does, leaving heap order.
    """

    __slots__ = ("_ls_h", "_ls_task", "_ls_seq")

    def cancel(self):
        # CPython's cancel drops the callback, and with it the task; so does the trace's note.
        self._ls_task = None
        super().cancel()

    def __lt__(self, other):
        when = self._when
        other_when = other._when
        if when != other_when:
            return when < other_when
        seq = self._ls_seq
        other_seq = other._ls_seq
        return 0 < seq < other_seq if other_seq else False


_set_result_unless_cancelled = futures._set_result_unless_cancelled
_on_timeout = timeouts.Timeout._on_timeout

# Every step runs in a handle's `_run` (traced or not): output written inside
# it comes from that step, not from the line that started the loop.
chain_boundary(events.Handle._run)


class TracedEventLoop(VirtualNetworkMixin, base_events.BaseEventLoop):
    """Runs a learner's program in virtual time and records how it was scheduled."""

    def __init__(self, selector=None) -> None:
        # `selector` is there for `asyncio.SelectorEventLoop(selector)`, which
        # this loop stands in for during a run (loop_factories.py); it is not
        # used: readiness comes from the in-memory network, never from select().
        super().__init__()
        run = current_run()
        self._run: RunState = run
        self._clock = run.clock
        self._clock_reads = run.clock_reads
        self._learner_file = run.learner.filename
        self._tracer = run.tracer
        # Timers due "now" must really be due: the virtual clock is exact.
        self._clock_resolution = 1e-9
        self._thread_pool = SimulatedThreadPool(self)
        run.loop_ids += 1
        self._ls_loop = run.loop_ids
        if self._tracer.enabled:
            self._tracer.emit((wire.LOOP_CREATE, self._ls_loop, self._clock.now))

    # -- time ---------------------------------------------------------------

    def time(self) -> float:
        # The program's own `loop.time()` is a clock read like `time.monotonic()`
        # (busy work costs time, a simulated thread reads its own clock);
        # asyncio's and the loop's reads are not.
        caller = sys._getframe(1)
        if caller.f_code.co_filename == self._learner_file:
            return self._clock_reads.now(caller)
        return self._clock.now

    # -- what BaseEventLoop expects of a concrete loop ----------------------

    def _process_events(self, event_list) -> None:
        """No selector: nothing outside the program can happen."""

    def _write_to_self(self) -> None:
        """No selector to wake: the loop never waits on real time."""

    # -- futures and tasks ----------------------------------------------------

    def create_future(self):
        future = Future(loop=self)
        if self._tracer.enabled:
            classify_wait(future, self._run.learner.filename)
        return future

    def create_task(self, coro, **kwargs):
        self._check_closed()
        if self._task_factory is not None:
            return self._task_factory(self, coro, **kwargs)
        return Task(coro, loop=self, **kwargs)

    # -- the ready queue and the timers -------------------------------------

    def _call_soon(self, callback, args, context):
        tracer = self._tracer
        if not tracer.enabled:
            handle = events.Handle(callback, args, self, context)
            self._ready.append(handle)
            return handle
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        run = self._run
        run.handle_ids += 1
        h = handle._ls_h = run.handle_ids
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, CTask):
            handle._ls_task = owner
            owner_id = getattr(owner, "_ls_id", None) or task_id(run, owner)
            tracer.emit((wire.READY_TASK, h, owner_id, run.current_h or None))
        else:
            handle._ls_task = None
            tracer.emit(
                (
                    wire.READY_CALLBACK,
                    h,
                    callback_label(callback, args),
                    run.current_h or None,
                    True if is_asyncio_callback(callback) else None,
                )
            )
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        # There are no threads; route through the traced path.
        return self.call_soon(callback, *args, context=context)

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError("delay must not be None")
        self._run.timer_seq += 1
        # self.time() as CPython's call_later, unless it is this class's own:
        # then the clock directly, sparing the check for a program's read.
        now = self._clock.now if type(self).time is _traced_time else self.time()
        return self._schedule(now + delay, self._run.timer_seq, callback, args, context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        return self._schedule(when, 0, callback, args, context)

    def _schedule(self, when, seq, callback, args, context):
        self._check_closed()
        timer = TimerHandle(when, callback, args, self, context)
        timer._ls_seq = seq
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        tracer = self._tracer
        if not tracer.enabled:
            return timer
        run = self._run
        h = timer._ls_h = run.next_handle_id()
        owner = getattr(callback, "__self__", None)
        timer._ls_task = owner if isinstance(owner, CTask) else None
        timeout_id = None
        if callback is _set_result_unless_cancelled and args and isinstance(args[0], Future):
            args[0]._ls_until = when
        elif getattr(callback, "__func__", None) is _on_timeout:
            timeout_task = callback.__self__._task
            if timeout_task is not None:
                timeout_id = task_id(run, timeout_task)
                run.deadlines[timeout_id] = weakref.ref(timer)
        tracer.emit(
            (
                wire.TIMER,
                h,
                when,
                callback_label(callback, args),
                run.current_h or None,
                timeout_id,
                True if is_asyncio_callback(callback) else None,
            )
        )
        return timer

    def _timer_handle_cancelled(self, handle) -> None:
        if handle._scheduled:
            self._timer_cancelled_count += 1
            if self._tracer.enabled:
                self._tracer.emit((wire.TIMER_CANCEL, handle._ls_h))

    # -- one iteration --------------------------------------------------------

    @chain_boundary  # the loop's own output between steps (asyncio's debug log) is no step's
    def _run_once(self) -> None:
        run = self._run
        if run.stop_exc is not None:
            raise run.stop_exc
        scheduled = self._scheduled
        self._drop_cancelled_timers()
        ready = self._ready
        clock = self._clock
        if not ready and not self._stopping:
            if scheduled:
                when = scheduled[0]._when
                if when > clock.now:
                    if when > run.limits.max_virtual_time:
                        raise run.stop(
                            limits.VIRTUAL_TIME,
                            f"Stopped: virtual time would pass the {run.limits.max_virtual_time:g} s "
                            "limit (is there a loop that never ends?)",
                        )
                    clock.now = when
            else:
                raise run.stop(limits.DEADLOCK, self._deadlock_message())

        tracer = self._tracer
        tracing = tracer.enabled
        end_time = clock.now + self._clock_resolution
        due = [] if tracing else None
        while scheduled and scheduled[0]._when < end_time:
            handle = heapq.heappop(scheduled)
            handle._scheduled = False
            ready.append(handle)
            if due is not None:
                due.append(handle._ls_h)
        handle = None  # as CPython's loop: hold no reference to a handle that ran

        ntodo = len(ready)
        if ntodo == 0:
            return
        run.iteration += 1
        if run.iteration > run.limits.max_iterations:
            raise run.stop(
                limits.ITERATIONS,
                f"Stopped: the event loop ran {run.limits.max_iterations:,} iterations "
                "(is there a loop that never ends?)",
            )
        if not tracing:
            reads = self._clock_reads
            for _ in range(ntodo):
                handle = ready.popleft()
                if not handle._cancelled:
                    handle._run()
                    if reads.stretch is not None:  # a busy stretch ends with its step
                        reads.close_stretch()
            # As CPython's loop: a task that failed in the last step holds its
            # exception, whose traceback holds the step's frames, whose caller
            # is this frame: holding the handle would make that a cycle, and
            # "Task exception was never retrieved" would wait for the collector.
            handle = None
            return

        pending = tracer.pending
        batch_size = tracer.batch_size
        if len(pending) >= batch_size:
            run.batch_full()
        if due:
            tracer.emit((wire.ITERATION, run.iteration, clock.now, due))
        else:
            tracer.emit((wire.ITERATION, run.iteration, clock.now))
        for _ in range(ntodo):
            handle = ready.popleft()
            if handle._cancelled:
                continue
            self._run_traced(run, handle)
            if len(pending) >= batch_size:
                run.batch_full()
        handle = None  # no cycle through a failed step's traceback (see above)

    def _run_traced(self, run: RunState, handle) -> None:
        """Runs one handle and records the step once it is over.

        A task's step is recorded as `task.suspend` or `task.end`, a callback's
        as `step`; events recorded while it ran (output, new tasks, wake-ups)
        precede it. No event marks the start: the handle is the front of the
        ready queue, so a reader knows which one runs.
        """
        h = handle._ls_h
        task = handle._ls_task
        run.current_h = h
        if task is not None:
            run.current_task = getattr(task, "_ls_id", None) or task_id(run, task)
        started = real_perf_counter()
        try:
            handle._run()
        finally:
            ended = real_perf_counter()
            cpu = round((ended - started) * 1e6)
            reads = run.clock_reads
            if reads.stretch is not None:  # a busy stretch ends with its step, recorded before it
                reads.close_stretch()
            run.current_h = 0
            run.current_task = 0
            if task is None:
                self._tracer.emit((wire.STEP, h, cpu))
            elif run.stop_exc is None:
                report_after_step(run, task, h, cpu)
            self._tracer.step_ended(ended)
            # The step's frames call back to this one: a failed step's
            # traceback would keep the handle and the task alive through it.
            handle = task = None

    def _drop_cancelled_timers(self) -> None:
        scheduled = self._scheduled
        count = len(scheduled)
        if (
            count > base_events._MIN_SCHEDULED_TIMER_HANDLES
            and self._timer_cancelled_count / count > base_events._MIN_CANCELLED_TIMER_HANDLES_FRACTION
        ):
            kept = []
            for handle in scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    kept.append(handle)
            heapq.heapify(kept)
            self._scheduled = kept
            self._timer_cancelled_count = 0
        else:
            while scheduled and scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(scheduled)
                handle._scheduled = False

    def _deadlock_message(self) -> str:
        run = self._run
        waiting = []
        for task in asyncio.all_tasks(self):
            reason = describe_wait(run, task, task_id(run, task))
            waiting.append((task_id(run, task), f"{task.get_name()} {reason_text(run, reason)}"))
        if not waiting:
            return "Stopped: the event loop has nothing left to run and nothing to wait for"
        parts = "; ".join(text for _, text in sorted(waiting))
        return f"Deadlock: no task can make progress: {parts}"

    # -- executors -------------------------------------------------------------

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        try:
            return self._thread_pool.submit(executor, func, args)
        finally:
            # The function runs from here, so a failure's traceback reaches
            # this frame; on CPython it runs in a thread and reaches nothing.
            del func, args

    async def shutdown_default_executor(self, timeout=None):
        """Nothing to join: simulated threads finish in virtual time."""

    # asyncio.run's last task runs this coroutine; CPython names it after the
    # base class, and so does the timeline's lane for it (and an export).
    shutdown_default_executor.__qualname__ = "BaseEventLoop.shutdown_default_executor"

    # -- errors ------------------------------------------------------------

    @chain_boundary  # what the default handler prints is the runtime's report, not a print
    def call_exception_handler(self, context) -> None:
        if self._run.stop_exc is not None:
            # After a limit, the leftovers ("Task was destroyed but it is
            # pending!") are noise about our stop, not the learner's program.
            return
        super().call_exception_handler(context)


_traced_time = TracedEventLoop.time


ASYNCIO_DIR = asyncio.__file__.rsplit("/", 1)[0] + "/"


def is_asyncio_callback(callback) -> bool:
    """asyncio's own machinery (a sleep's timer, gather's bookkeeping, the runtime's own),
    as opposed to what the learner scheduled: their functions, builtins, other libraries."""
    if isinstance(callback, functools.partial):
        callback = callback.func
    code = getattr(getattr(callback, "__func__", callback), "__code__", None)
    return code is not None and code.co_filename.startswith((ASYNCIO_DIR, RUNTIME_DIR))


def callback_label(callback, args) -> str:
    """A callback's name as a learner would recognise it."""
    if callback is _set_result_unless_cancelled:
        future = args[0] if args else None
        tag = getattr(future, "_ls_wait", None)
        return "sleep" if tag is not None and tag[0] == "sleep" else "set result"
    func = getattr(callback, "__func__", callback)
    if func is _on_timeout:
        return "timeout"
    name = getattr(func, "__qualname__", None)
    if name is None:
        inner = getattr(callback, "func", None)  # functools.partial
        name = getattr(inner, "__qualname__", None) or type(callback).__name__
    return name
