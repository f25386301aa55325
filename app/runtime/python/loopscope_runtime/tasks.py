"""Traced tasks and futures, and what a suspended task is waiting for.

Tasks stay the C `asyncio.Task` (subclassed): the pure-Python task is not
seen by `current_task()`, `timeout()` or TaskGroup on 3.14.
"""

import asyncio
import sys
from typing import Any
from asyncio import base_events, locks, queues, streams, taskgroups, tasks as _tasks

from . import wire
from .frames import chain_boundary, chain_frames, describe_coroutine, name_of
from .limits import TASKS
from .run_state import RunState
from .trace import safe_repr

CTask = asyncio.Task
CFuture = asyncio.Future
GatheringFuture = _tasks._GatheringFuture


class Task(CTask):
    """A task that knows its trace id. Named `Task` so its repr matches CPython's."""

    @chain_boundary  # an eager task's first step, run in here, is the new task's own
    def __init__(self, coro, *, loop: Any, name=None, context=None, eager_start=False):
        # Always created by TracedEventLoop (create_task or the eager factory).
        run: RunState = loop._run
        if name is None:
            name = run.next_task_name()
        self._ls_id = task_id = run.next_task_id()
        tracer = run.tracer
        if task_id > run.limits.max_tasks and run.stop_exc is None:
            # Tasks that create tasks would otherwise run until the trace is
            # full (half a minute of a learner's wait) or, untraced, until
            # memory runs out. As at the events limit, asyncio's cancelling
            # of the whole flood afterwards is not recorded.
            stop = run.stop(
                TASKS,
                f"Stopped: the program created {run.limits.max_tasks:,} tasks "
                "(do tasks create tasks without end?)",
            )
            tracer.enabled = False
            raise stop
        if tracer.enabled:
            if len(tracer.pending) >= tracer.batch_size:
                run.batch_full()
            line, api = run.learner.creation_site(2)
            tracer.emit(
                (
                    wire.TASK_CREATE,
                    task_id,
                    str(name),
                    describe_coroutine(coro),
                    run.current_task or None,
                    line,
                    api_word(api),
                    run.current_h or None,
                    is_internal(coro, run.learner.filename),
                )
            )
        if not eager_start:
            super().__init__(coro, loop=loop, name=name, context=context)
            return
        # The first step runs now, inside create_task, outside any handle.
        creator = run.current_task
        run.current_task = task_id
        try:
            super().__init__(coro, loop=loop, name=name, context=context, eager_start=True)
        finally:
            run.current_task = creator
        if tracer.enabled:
            report_after_step(run, self, None, None)
        # The first step's frames call back to this one: if it failed, its
        # traceback would keep the task alive through `self` (CPython's Python
        # Task does the same in its eager start).
        self = None

    def __hash__(self) -> int:
        # CPython hashes tasks by address, so a set of tasks (TaskGroup's, or
        # asyncio.wait's) iterates in an order that differs between machines.
        # Hashing by creation number makes it reproducible, and usually the
        # order in which tasks were created, as on a typical CPython run.
        return self._ls_id

    def cancel(self, msg=None):
        run: RunState = self._loop._run
        if run.tracer.enabled and not self.done():
            run.tracer.emit(
                (
                    wire.TASK_CANCEL,
                    self._ls_id,
                    run.current_h or None,
                    run.current_task or None,
                    None if msg is None else safe_repr(msg),
                )
            )
        return super().cancel(msg)


class Future(CFuture):
    """A loop-made future that remembers what it stands for (a queue get, a lock …)."""

    _ls_wait: tuple[str, object] | None = None
    _ls_until: float | None = None


def is_internal(coro, learner_file: str) -> bool:
    """asyncio's own helper tasks (shutdown_asyncgens …), which run no learner code."""
    code = getattr(coro, "cr_code", None)
    return code is not None and code.co_filename != learner_file


def api_word(qualname: str | None) -> str:
    """The asyncio API that created a task, in the words a learner typed."""
    if qualname is None:
        return "loop.create_task"
    return _API_WORDS.get(qualname, qualname)


_API_WORDS = {
    "create_task": "create_task",
    "gather": "gather",
    "ensure_future": "ensure_future",
    "TaskGroup.create_task": "TaskGroup",
    "Runner.run": "run",
    "run": "run",
    "BaseEventLoop.run_until_complete": "run_until_complete",
    "shield": "shield",
    "wait": "wait",
    "as_completed": "as_completed",
    "wait_for": "wait_for",
    "start_server": "start_server",
    "staggered_race": "staggered_race",
    "eager_task_factory": "create_task",
}


# Library functions that make a future to wait on, and what that wait is called.
# Walking out from `create_future`, the outermost of these names the wait.
_WAIT_KINDS = {
    _tasks.sleep.__code__: "sleep",
    queues.Queue.get.__code__: "queue.get",
    queues.Queue.put.__code__: "queue.put",
    queues.Queue.join.__code__: "queue.join",
    locks.Lock.acquire.__code__: "lock",
    locks.Event.wait.__code__: "event",
    locks.Condition.wait.__code__: "condition",
    locks.Condition.wait_for.__code__: "condition",
    locks.Semaphore.acquire.__code__: "semaphore",
    locks.Barrier.wait.__code__: "barrier",
    taskgroups.TaskGroup._aexit.__code__: "taskgroup",
    _tasks._wait.__code__: "wait",
    _tasks._AsCompletedIterator._wait_for_one.__code__: "as_completed",
    _tasks.shield.__code__: "shield",
    streams.StreamReader._wait_for_data.__code__: "stream.read",
    streams.FlowControlMixin._drain_helper.__code__: "stream.drain",
    base_events.BaseEventLoop.create_connection.__code__: "connect",
    base_events.Server.serve_forever.__code__: "accept",
}


def classify_wait(future: Future, learner_file: str) -> None:
    """Tags a new future with the library call that made it, walking out from the caller."""
    frame = sys._getframe(2)
    kind = None
    owner = None
    while frame is not None:
        code = frame.f_code
        if code.co_filename == learner_file:
            if kind is None:
                kind = "future"
            break
        found = _WAIT_KINDS.get(code)
        if found is not None:
            kind = found
            # A sleep has no object to name (and reading f_locals costs).
            owner = None if found == "sleep" else frame.f_locals.get("self")
        frame = frame.f_back
    if kind is not None:
        future._ls_wait = (kind, owner)


def wait_in_chain(coro) -> tuple[str, object] | None:
    """What a coroutine waits on, read from the library frames it is paused in.

    Futures are tagged when they are made, but only while tracing; this serves
    the untraced runs (e.g. for a deadlock message), from the outermost
    library call in the await chain (`Queue.join` rather than `Event.wait`).
    """
    for frame in chain_frames(coro):
        kind = _WAIT_KINDS.get(frame.f_code)
        if kind is not None:
            return kind, frame.f_locals.get("self")
    return None


def task_id(run: RunState, task: object) -> int:
    """The trace id of any task, giving one to tasks made outside the runtime."""
    found = getattr(task, "_ls_id", None)
    if found is not None:
        return found
    found = run.foreign_task_ids.get(task)
    if found is None:
        found = run.next_task_id()
        run.foreign_task_ids[task] = found
        if run.tracer.enabled:
            get_name = getattr(task, "get_name", None)
            run.tracer.emit(
                (
                    wire.TASK_CREATE,
                    found,
                    get_name() if get_name else safe_repr(task),
                    describe_coroutine(task.get_coro()) if hasattr(task, "get_coro") else "?",
                    run.current_task or None,
                    None,
                    "Task",
                    run.current_h or None,
                    False,
                )
            )
    return found


def describe_wait(run: RunState, task, tid: int) -> list:
    """What a suspended task waits for, as specifically as asyncio allows (wire.REASON's layout)."""
    waiter = task._fut_waiter
    if waiter is None:
        reason: list = ["yield"]
    elif isinstance(waiter, CTask):
        reason = ["task", None, task_id(run, waiter)]
    elif isinstance(waiter, GatheringFuture):
        children = waiter._children
        reason = [
            "gather",
            None,
            None,
            [task_id(run, child) for child in children if isinstance(child, CTask)],
            sum(1 for child in children if not child.done()),
        ]
    else:
        tag = getattr(waiter, "_ls_wait", None) or wait_in_chain(task.get_coro())
        if tag is None:
            reason = ["future"]
        else:
            kind, owner = tag
            reason = [kind]
            if kind == "sleep":
                reason.append(waiter._ls_until)
            elif kind == "taskgroup" and owner is not None:
                # A set: sorted, since its order follows memory addresses.
                reason += [None, None, sorted(task_id(run, child) for child in owner._tasks)]
            elif owner is not None and kind != "future":
                frame = run.learner.innermost_coroutine_frame(task.get_coro())
                name = name_of(owner, frame)
                if name is not None:
                    reason += [None] * (wire.REASON_NAME - len(reason)) + [name]
    deadline_ref = run.deadlines.get(tid) if run.deadlines else None
    deadline = deadline_ref() if deadline_ref is not None else None
    if deadline is not None and deadline._scheduled and not deadline._cancelled:
        reason += [None] * (wire.REASON_DEADLINE - len(reason)) + [deadline._when]
    return reason


def reason_text(run: RunState, reason: list) -> str:
    """A reason (as describe_wait gives it) in words, for messages such as the deadlock report."""
    fields = wire.as_reason(reason)
    kind = fields["kind"]
    name = fields.get("name")
    if kind == "task":
        return f"waits for Task {fields['task']}"
    if kind in ("gather", "taskgroup"):
        return f"waits on {kind} of {len(fields.get('tasks', []))} task(s)"
    if kind == "sleep":
        return f"sleeps until {fields['until']:g} s"
    return f"waits on {_CALL_WORDS.get(kind, kind)}" + (f" ({name})" if name else "")


# How a wait kind reads in a message: the call the learner awaited.
_CALL_WORDS = {
    "lock": "lock.acquire",
    "semaphore": "semaphore.acquire",
    "event": "event.wait",
    "condition": "condition.wait",
    "barrier": "barrier.wait",
}


def task_end(run: RunState, task, h: int | None, tid: int, cpu: int | None) -> tuple:
    """The event of a finished task's end, read without marking its exception as retrieved."""
    if task.cancelled():
        return (wire.TASK_END_CANCELLED, h, tid, cpu)
    exc = task._exception
    if exc is None:
        return (wire.TASK_END_RESULT, h, tid, cpu, safe_repr(task._result))
    return (
        wire.TASK_END_EXCEPTION,
        h,
        tid,
        cpu,
        type(exc).__name__,
        _message(exc),
        raise_line(exc, run.learner.filename),
    )


def _message(exc: BaseException) -> str:
    try:
        return str(exc)[:500]
    except Exception:
        return ""


def raise_line(exc: BaseException, learner_file: str) -> int | None:
    """The learner's line an exception was raised at: the last learner frame of its traceback."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == learner_file:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def report_after_step(run: RunState, task, h: int | None, cpu: int | None) -> None:
    """Records the end of a task's step: the task is suspended (and on what) or finished.

    `h` is the handle that ran the step and `cpu` its measured CPU time in
    microseconds; both are None for the first step of an eager task, which
    ran inside `create_task`.
    """
    tid = getattr(task, "_ls_id", None) or task_id(run, task)
    if task.done():
        run.deadlines.pop(tid, None)
        run.tracer.emit(task_end(run, task, h, tid, cpu))
    else:
        run.tracer.emit(
            (
                wire.TASK_SUSPEND,
                h,
                tid,
                describe_wait(run, task, tid),
                run.learner.await_chain(task.get_coro()),
                cpu,
            )
        )
