"""Runs one program text under the traced loop and reports how it ended."""

import ast
import asyncio
import gc
import inspect
import sys
import warnings
from contextlib import contextmanager

from . import TRACE_FORMAT_VERSION, wire
from .clock import real_perf_counter
from .frames import RUNTIME_DIR, LearnerCode, chain_boundary
from .lesson_check import run_check
from .limits import INTERRUPTED, Limits, ProgramExited, RunStopped
from .patches import heal_builtins, restore_modules, run_environment
from .run_facts import RunFacts
from .run_state import RunState
from .tasks import raise_line
from .trace import BATCH_SIZE, Tracer
from .tracebacks import input_ran_out, print_exception_line, print_uncaught, too_deep_to_report

# CPython exits with 128 + SIGINT when KeyboardInterrupt ends a program.
KEYBOARD_INTERRUPT_EXIT = 130


def run_program(source: str, filename: str, options: dict, sink) -> dict:
    """Runs `source` as the file `filename`; events go to `sink` as marshalled batches.

    Returns the run summary (see RunSummary in app/runtime/host/runtimeTypes.ts).
    """
    limits = Limits.from_options(options)
    check = options.get("check")
    tracer = Tracer(
        sink,
        bool(options.get("trace", True)) or check is not None,
        min(BATCH_SIZE, limits.max_events),
        keep=check is not None,
    )
    latency = float(options.get("networkLatency") or 0)
    run = RunState(tracer, LearnerCode(filename), limits, network_latency=latency)
    tracer.emit((wire.RUN_START, TRACE_FORMAT_VERSION, filename, sys.version.split()[0], tracer.enabled))
    started = real_perf_counter()
    outcome, exit_code = "ok", 0
    # A check may read the program's globals, so a checked run keeps them
    # until the check is over (their exit-time warnings are then not reported).
    namespace: dict = {}
    with run_environment(run, source, options.get("stdin") or "", filename, int(options.get("seed", 0))):
        if check is not None:
            namespace = sys.modules["__main__"].__dict__
        try:
            outcome, exit_code = _execute(run, source, filename, sys.modules["__main__"].__dict__)
            if run.stop_exc is not None:  # stopped, even if the program caught it
                outcome, exit_code = _stopped_outcome(run.stop_exc)
        finally:
            run.finished = True
            # A stopped program's frames are freed while the stop is still
            # enforced: closing a coroutine that catches GeneratorExit in a
            # loop would otherwise spin for good.
            try:
                _exit_program(run)
            finally:
                run.enforcer.finish()
    wall_ms = (real_perf_counter() - started) * 1000
    summary = {
        "outcome": outcome,
        "exitCode": exit_code,
        "virtualTime": run.clock.now,
        "wallMs": round(wall_ms, 3),
        "events": tracer.count + 1,
    }
    tracer.emit(
        (
            wire.RUN_END,
            summary["outcome"],
            summary["exitCode"],
            summary["virtualTime"],
            summary["wallMs"],
            summary["events"],
        )
    )
    tracer.flush()
    # Said to the learner, not part of the trace (RunSummary in runtimeTypes.ts).
    if run.not_started:
        summary["notStarted"] = True
    if run.top_level_await:
        summary["topLevelAwait"] = True
    if run.input_ran_out:
        summary["inputRanOut"] = True
    if check is not None and tracer.kept is not None:
        facts = RunFacts([wire.as_event(event) for event in tracer.kept], source, filename, namespace)
        summary["check"] = run_check(
            check["source"], check.get("filename", "check.py"), facts, bool(check.get("allowError"))
        )
    return summary


def _exit_program(run: RunState) -> None:
    """Frees what the program left behind, in the order CPython frees it at exit.

    CPython reports unretrieved task exceptions and never-awaited coroutines
    when the objects are freed, so free them while the run's stderr is still
    in place (and before the next run, where they would surface otherwise):
    first a SystemExit that ended the program, then (as the interpreter
    shuts down) an uncaught exception, which CPython keeps in `sys.last_exc`
    until then, then `__main__`. Its globals are left to the garbage
    collector, not cleared, so that `__del__` methods still see them.

    After a stop, what is left over (asyncio's own clean-up coroutines that
    never got to run) is an effect of the stop, not of the learner's program:
    it is freed silently.
    """
    restore_modules(run.modules_at_start)
    sys.modules.pop("__main__", None)
    if run.stop_exc is not None:
        with _silenced(run.stop_exc):
            run.last_exc = None
            gc.collect()
        return
    registry: dict = {}
    with _warnings_located_at_exit(registry, shutting_down=False):
        if isinstance(run.last_exc, SystemExit):
            run.last_exc = None
    with _warnings_located_at_exit(registry, shutting_down=True):
        run.last_exc = None
        gc.collect()


@contextmanager
def _silenced(stop: RunStopped):
    hook = sys.unraisablehook
    sys.unraisablehook = _ignore_unraisable
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stop.__traceback__ = None
            stop.__context__ = None
            yield
    finally:
        sys.unraisablehook = hook


@contextmanager
def _warnings_located_at_exit(registry: dict, shutting_down: bool):
    """Warnings placed where CPython places those it gives after the program.

    A never-awaited coroutine freed now warns from the frame that freed it,
    which here is the runtime's; on CPython no Python frame runs any more, so
    `warnings.warn` has no caller to name and writes `<sys>:0` (registering
    the warning with the `sys` module). Once CPython shuts down, `tracemalloc`
    can no longer be imported either, so its hint is missing too.
    """
    stock = warnings.warn

    def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
        # Walk out to the frame `stacklevel` names. The learner's frames (a
        # `__del__` that warns) and the standard library's are CPython's too;
        # the runtime's frames, and everything outside them, are not.
        frame = sys._getframe(1)
        for _ in range(max(stacklevel, 1) - 1):
            if frame is None or frame.f_code.co_filename.startswith(RUNTIME_DIR):
                break
            frame = frame.f_back
        if frame is not None and not frame.f_code.co_filename.startswith(RUNTIME_DIR):
            stock(message, category, stacklevel + 1, source, skip_file_prefixes=skip_file_prefixes)
            return
        warnings.warn_explicit(
            message,
            category or UserWarning,
            "<sys>",
            0,
            module="sys",
            registry=registry,
            source=None if shutting_down else source,
        )

    warnings.warn = warn
    try:
        yield
    finally:
        warnings.warn = stock


def _ignore_unraisable(_unraisable) -> None:
    """After a stop: coroutines closed mid-`async with` complain ("coroutine ignored GeneratorExit")."""


@chain_boundary  # the program's outermost frame: nothing further out is the learner's
def _execute(run: RunState, source: str, filename: str, namespace: dict) -> tuple[str, int]:
    try:
        code = compile(
            source, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True
        )
    except (SyntaxError, ValueError) as exc:
        run.not_started = True
        return _uncaught(run, exc)
    try:
        if code.co_flags & inspect.CO_COROUTINE:
            # Top-level await: the module body runs as the main task.
            run.top_level_await = True
            asyncio.run(eval(code, namespace))
        else:
            exec(code, namespace)
    except RunStopped as stop:
        return _stopped_outcome(stop)
    except SystemExit as exc:
        # Kept, with the frames its traceback holds, until the program's exit.
        run.last_exc = exc
        return _system_exit(exc)
    except KeyboardInterrupt as exc:
        _uncaught(run, exc)
        return "error", KEYBOARD_INTERRUPT_EXIT
    except BaseException as exc:
        return _uncaught(run, exc)
    finally:
        heal_builtins()
        for stream in (sys.stdout, sys.stderr):
            # CPython flushes what the program left in sys.stdout/stderr, None included.
            flush = getattr(stream, "flush", None)
            if callable(flush):
                flush()
    return "ok", 0


def _stopped_outcome(stop: RunStopped) -> tuple[str, int]:
    if isinstance(stop, ProgramExited):
        return ("ok" if stop.exit_code == 0 else "error"), stop.exit_code
    return ("interrupted" if stop.kind == INTERRUPTED else "limit"), 1


def _system_exit(exc: SystemExit) -> tuple[str, int]:
    """CPython's rules: None is 0, an int is its C `int`, anything else is printed and is 1."""
    heal_builtins()
    code = exc.code
    if code is None:
        return "ok", 0
    if isinstance(code, int):
        status = _c_int_exit_code(code)
        return ("ok" if status == 0 else "error"), status
    stderr = sys.stderr
    if stderr is not None:
        print(code, file=stderr)
    return "error", 1


def _c_int_exit_code(code: int) -> int:
    """The exit code CPython takes from an int (pythonrun.c, `parse_exit_code`).

    The int is read as a C `long long`, -1 when it does not fit, then cut to
    a C `int` (its low 32 bits): `sys.exit(2**100)` exits with -1, and
    `sys.exit(2**32 + 3)` with 3.
    """
    if not -(2**63) <= code < 2**63:
        return -1
    return (code + 2**31) % 2**32 - 2**31


def _message_of(exc: BaseException) -> str:
    """`str(exc)`, or what CPython's traceback prints when the program's `__str__` fails."""
    try:
        return str(exc)
    except Exception:
        return "<exception str() failed>"


def _uncaught(run: RunState, exc: BaseException) -> tuple[str, int]:
    heal_builtins()
    # Kept, with the frames its traceback holds, until the program's exit,
    # as CPython keeps it in sys.last_exc.
    run.last_exc = exc
    if too_deep_to_report(exc):
        print_exception_line(exc)
        line = None
    else:
        run.input_ran_out = input_ran_out(exc, run.learner.filename)
        print_uncaught(exc, run.learner.filename)
        line = exc.lineno if isinstance(exc, SyntaxError) else raise_line(exc, run.learner.filename)
    run.tracer.emit(
        (
            wire.ERROR,
            type(exc).__name__,
            _message_of(exc)[:500],
            line,
            run.current_task or None,
            run.clock.now,
        )
    )
    return "error", 1
