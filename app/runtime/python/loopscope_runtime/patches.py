"""Putting the run's world in place, and taking it away again afterwards.

During a run, stdout/stderr/stdin, the clocks, asyncio's loop policy, the
random seed, the garbage collector's settings and `__main__` belong to the
learner's program. Everything is restored afterwards, with what a program
may have changed on its own (builtins, `sys.modules`, the recursion limit,
trace and profile functions, `sys.monitoring` tools, and the process-wide
settings of process_state.py), so nothing from one run leaks into the next.
"""

import asyncio
import builtins
import datetime
import errno
import gc
import linecache
import operator
import os
import random
import signal
import sys
import time
import types
import warnings
from asyncio import runners, tasks as asyncio_tasks, unix_events
from contextlib import contextmanager
from typing import cast

from . import wire
from .clock import time_patches
from .frames import chain_boundary
from .limits import INTERRUPTED, VIRTUAL_TIME
from .loop_factories import install_policy, loop_patches, restore_policy
from .network import errno_patches
from .process_state import ProcessState
from .run_state import RunState, set_current_run
from .stdio import LineInput, TracedOutput
from .tasks import Task

# Modules whose attributes a learner's program might reassign; their
# dictionaries are put back as they were after each run.
_GUARDED_MODULES = (
    builtins,
    asyncio,
    asyncio_tasks,
    asyncio.events,
    asyncio.futures,
    unix_events,
    time,
    datetime,
    random,
    errno,
    os,
)


# The builtins as the interpreter started with them. The runtime's own code
# looks names up there too, so a program that deletes `len` or replaces
# `print` would break the runtime's report of its ending, and the next run.
_BUILTINS = dict(builtins.__dict__)


def heal_builtins() -> None:
    """Puts back every builtin the program deleted or replaced (names it added stay until the run ends)."""
    builtins.__dict__.update(_BUILTINS)


@contextmanager
def run_environment(run: RunState, source: str, stdin_text: str, argv0: str, seed: int):
    """Installs the learner's world for one run; restores everything on exit."""
    saved_process = ProcessState()
    saved_dicts = [(module, dict(module.__dict__)) for module in _GUARDED_MODULES]
    saved_sys = (sys.stdout, sys.stderr, sys.stdin, sys.argv, sys.modules.get("__main__"))
    saved_warnings = (warnings.filters[:], warnings._showwarnmsg_impl)
    saved_signal = signal.getsignal(signal.SIGINT)
    saved_unraisablehook = sys.unraisablehook
    saved_random = random.getstate()
    saved_gc = (gc.isenabled(), gc.get_threshold(), gc.callbacks[:])
    saved_recursion_limit = sys.getrecursionlimit()
    saved_tracing = (sys.gettrace(), sys.getprofile())
    saved_monitoring_tools = _monitoring_tools()
    saved_policy = install_policy()
    run.modules_at_start = dict(sys.modules)
    set_current_run(run)
    try:
        sys.stdout = TracedOutput(run, "stdout")
        sys.stderr = TracedOutput(run, "stderr")
        sys.stdin = LineInput(stdin_text)
        sys.argv = [argv0]
        # Only sys.modules holds the program's module, so that the program's
        # exit (runner._exit_program) can free it as CPython would.
        sys.modules["__main__"] = _main_module(argv0)
        patches = time_patches(run.clock_reads, _blocking_sleep(run)) | errno_patches() | loop_patches()
        for (module, name), value in patches.items():
            setattr(module, name, value)
        os._exit = _exit_now(run)
        # Pyodide wraps asyncio.run to reuse its browser loop; a run uses the stock one.
        asyncio.run = runners.run
        eager = asyncio_tasks.create_eager_task_factory(Task)
        asyncio.eager_task_factory = asyncio_tasks.eager_task_factory = eager
        warnings.onceregistry.clear()
        warnings._showwarnmsg_impl = _traced_showwarnmsg(run, saved_warnings[1])
        signal.signal(signal.SIGINT, _interrupted(run))
        sys.unraisablehook = _reported_unraisable(saved_unraisablehook)
        random.seed(seed)
        # A program starts with the collector on, as under CPython, whatever
        # the one before did with gc.disable(); and what it does with the
        # collector ends with it.
        gc.enable()
        # Tracebacks and warnings quote the learner's source lines, as CPython does.
        linecache.cache[argv0] = (len(source), None, source.splitlines(True), argv0)
        yield
    finally:
        # A Stop that lands while the world is put back would leave it half
        # restored for every later run: the program is over, so it is ignored.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, TracedOutput):
                stream.flush()
        sys.stdout, sys.stderr, sys.stdin, sys.argv = saved_sys[:4]
        if saved_sys[4] is not None:
            sys.modules["__main__"] = saved_sys[4]
        cast(list, warnings.filters)[:] = saved_warnings[0]
        warnings._showwarnmsg_impl = saved_warnings[1]
        sys.unraisablehook = saved_unraisablehook
        random.setstate(saved_random)
        _restore_gc(*saved_gc)
        sys.setrecursionlimit(saved_recursion_limit)
        # A trace function, profiler or monitoring tool left behind would see
        # (and could change) every later program's frames.
        sys.settrace(saved_tracing[0])
        sys.setprofile(saved_tracing[1])
        _free_monitoring_tools(saved_monitoring_tools)
        for module, contents in saved_dicts:
            module.__dict__.clear()
            module.__dict__.update(contents)
        restore_policy(saved_policy)
        restore_modules(run.modules_at_start)
        saved_process.restore()
        set_current_run(None)
        linecache.cache.pop(argv0, None)
        signal.signal(signal.SIGINT, saved_signal)


def restore_modules(saved: dict) -> None:
    """Puts back the modules a program removed from (or replaced in) sys.modules.

    The runtime's own reports rely on them: without `warnings` there, CPython's
    C code warns about a never-awaited coroutine from the runtime's frame and
    names the runtime's file.
    """
    for name, module in saved.items():
        if name != "__main__" and sys.modules.get(name) is not module:
            sys.modules[name] = module


def _monitoring_tools() -> set[int]:
    monitoring = sys.monitoring
    return {tool for tool in range(6) if monitoring.get_tool(tool) is not None}


def _free_monitoring_tools(kept: set[int]) -> None:
    """Frees the sys.monitoring tools a program took: their events, callbacks and ids."""
    monitoring = sys.monitoring
    for tool in _monitoring_tools() - kept:
        monitoring.clear_tool_id(tool)
        monitoring.free_tool_id(tool)


def _restore_gc(enabled: bool, threshold: tuple[int, ...], callbacks: list) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()
    gc.set_threshold(*threshold)
    gc.callbacks[:] = callbacks


def _main_module(argv0: str) -> types.ModuleType:
    module = types.ModuleType("__main__")
    module.__file__ = argv0
    module.__builtins__ = __builtins__
    return module


def _exit_now(run: RunState):
    def _exit(status):
        raise run.exit_now(operator.index(status))

    return _exit


def _blocking_sleep(run: RunState):
    real_sleep = time.sleep

    def sleep(seconds):
        real_sleep(0)  # the real function validates the argument, with CPython's messages
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        thread = run.thread_context
        if thread is not None:
            thread.elapsed += seconds
            return
        # A busy stretch before this sleep is over: its event comes first.
        run.clock_reads.close_stretch()
        start = run.clock.now
        if start + seconds > run.limits.max_virtual_time:
            raise run.stop(
                VIRTUAL_TIME,
                f"Stopped: time.sleep({seconds:g}) would pass the "
                f"{run.limits.max_virtual_time:g} s virtual-time limit",
            )
        run.clock.advance_by(seconds)
        if run.tracer.enabled and asyncio.events._get_running_loop() is not None:
            run.tracer.emit(
                (
                    wire.LOOP_BLOCKED,
                    run.current_task or None,
                    run.current_h or None,
                    run.learner.current_line(),
                    seconds,
                    start,
                )
            )

    sleep.__name__ = sleep.__qualname__ = "sleep"
    sleep.__doc__ = real_sleep.__doc__
    return sleep


def _traced_showwarnmsg(run: RunState, show):
    """Wraps the function that writes a warning (not `showwarning`, which
    learners may replace themselves and whose replacement changes the text)."""

    @chain_boundary  # the warning's text is Python's report, not the learner's print
    def showwarnmsg(msg):
        run.tracer.emit_streamed(
            (
                wire.WARNING,
                msg.category.__name__,
                str(msg.message),
                msg.lineno if msg.filename == run.learner.filename else None,
                run.current_task or None,
                run.clock.now,
            )
        )
        show(msg)

    return showwarnmsg


def _reported_unraisable(hook):
    """The unraisable hook in a Python frame, so that what it prints
    ("Exception ignored in …") is not taken for the learner's output."""

    @chain_boundary
    def unraisablehook(unraisable):
        hook(unraisable)

    return unraisablehook


def _interrupted(run: RunState):
    def on_interrupt(signum, frame):
        raise run.stop(INTERRUPTED, "Stopped: the run was interrupted")

    return on_interrupt
