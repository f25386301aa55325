"""Runs one program text under the traced loop and reports how it ended."""

import ast
import asyncio
import gc
import inspect
import sys
import warnings

from . import TRACE_FORMAT_VERSION
from .clock import real_perf_counter
from .frames import LearnerCode, chain_boundary
from .lesson_check import run_check
from .limits import INTERRUPTED, Limits, RunStopped
from .patches import run_environment
from .run_facts import RunFacts
from .run_state import RunState
from .tasks import raise_line
from .trace import BATCH_SIZE, Tracer
from .tracebacks import print_uncaught, strip_runtime_frames

# CPython exits with 128 + SIGINT when KeyboardInterrupt ends a program.
KEYBOARD_INTERRUPT_EXIT = 130


def run_program(source: str, filename: str, options: dict, sink) -> dict:
    """Runs `source` as the file `filename`; events go to `sink` as JSON batches.

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
    tracer.emit(
        {
            "type": "run.start",
            "version": TRACE_FORMAT_VERSION,
            "file": filename,
            "python": sys.version.split()[0],
            "traced": tracer.enabled,
        }
    )
    started = real_perf_counter()
    outcome, exit_code = "ok", 0
    namespace: dict = {}
    with run_environment(run, source, options.get("stdin") or "", filename, int(options.get("seed", 0))) as main:
        namespace = main.__dict__
        try:
            outcome, exit_code = _execute(run, source, filename, main.__dict__)
            if run.stop_exc is not None:  # stopped, even if the program caught it
                outcome, exit_code = _stopped_outcome(run.stop_exc), 1
        finally:
            run.finished = True
            run.enforcer.finish()
            _collect_garbage(run)
    wall_ms = (real_perf_counter() - started) * 1000
    summary = {
        "outcome": outcome,
        "exitCode": exit_code,
        "virtualTime": run.clock.now,
        "wallMs": round(wall_ms, 3),
        "events": tracer.count + 1,
    }
    tracer.emit({"type": "run.end", **summary})
    tracer.flush()
    if check is not None and tracer.kept is not None:
        facts = RunFacts(tracer.kept, source, filename, namespace)
        summary["check"] = run_check(
            check["source"], check.get("filename", "check.py"), facts, bool(check.get("allowError"))
        )
    return summary


def _collect_garbage(run: RunState) -> None:
    """Reports unretrieved task exceptions and never-awaited coroutines now.

    CPython reports them when the objects are collected, so collect while the
    run's stderr is still in place. After a stop, what is left over (asyncio's
    own clean-up coroutines that never got to run) is an effect of the stop,
    not of the learner's program: it is collected silently, so that it cannot
    surface in the next run either.
    """
    if run.stop_exc is None:
        gc.collect()
        return
    hook = sys.unraisablehook
    sys.unraisablehook = _ignore_unraisable
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run.stop_exc.__traceback__ = None
            run.stop_exc.__context__ = None
            gc.collect()
    finally:
        sys.unraisablehook = hook


def _ignore_unraisable(_unraisable) -> None:
    """After a stop: coroutines closed mid-`async with` complain ("coroutine ignored GeneratorExit")."""


@chain_boundary  # the program's outermost frame: nothing further out is the learner's
def _execute(run: RunState, source: str, filename: str, namespace: dict) -> tuple[str, int]:
    try:
        code = compile(
            source, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True
        )
    except (SyntaxError, ValueError) as exc:
        return _uncaught(run, exc)
    try:
        if code.co_flags & inspect.CO_COROUTINE:
            # Top-level await: the module body runs as the main task.
            asyncio.run(eval(code, namespace))
        else:
            exec(code, namespace)
    except RunStopped as stop:
        return _stopped_outcome(stop), 1
    except SystemExit as exc:
        return _system_exit(exc)
    except KeyboardInterrupt as exc:
        _uncaught(run, exc)
        return "error", KEYBOARD_INTERRUPT_EXIT
    except BaseException as exc:
        return _uncaught(run, exc)
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
    return "ok", 0


def _stopped_outcome(stop: RunStopped) -> str:
    return "interrupted" if stop.kind == INTERRUPTED else "limit"


def _system_exit(exc: SystemExit) -> tuple[str, int]:
    """CPython's rules: None is 0, an int is itself, anything else is printed and is 1."""
    code = exc.code
    if code is None:
        return "ok", 0
    if isinstance(code, int):
        return ("ok" if code == 0 else "error"), code
    print(code, file=sys.stderr)
    return "error", 1


def _uncaught(run: RunState, exc: BaseException) -> tuple[str, int]:
    strip_runtime_frames(exc)
    print_uncaught(exc)
    line = exc.lineno if isinstance(exc, SyntaxError) else raise_line(exc, run.learner.filename)
    run.tracer.emit(
        {
            "type": "error",
            "error": type(exc).__name__,
            "message": str(exc)[:500],
            "line": line,
            "task": run.current_task or None,
            "t": run.clock.now,
        }
    )
    return "error", 1
