"""Tracebacks as CPython prints them, without the runtime's own frames.

The learner's program runs under this package's code; a traceback that showed
`loopscope_runtime/runner.py` would be a lie about their program. Nor do they
show JavaScript's frames, which Pyodide adds under a JavaScript error (in
the browser, the sandbox worker's own, with its address). Frames of the
standard library stay, as CPython shows them, except under an `input()` that
ran out of stdin (see `print_uncaught`).
"""

import inspect
import sys
import traceback
from types import FrameType, TracebackType

from .frames import RUNTIME_DIR


def _keeping(tb: TracebackType | None, keep) -> TracebackType | None:
    """The traceback with only the entries whose frame `keep` accepts."""
    frames = []
    while tb is not None:
        if keep(tb.tb_frame):
            frames.append(tb)
        tb = tb.tb_next
    rebuilt = None
    for entry in reversed(frames):
        rebuilt = TracebackType(rebuilt, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return rebuilt


def _javascript(frame: FrameType) -> bool:
    """Whether Pyodide made the frame for a JavaScript function.

    Pyodide adds a JavaScript error's frames to the traceback of its
    JsException (`Module.handle_js_error`, through `_PyTraceback_Add`): each
    is a module-level frame with empty globals of its own. Python's module
    code never runs so (exec and import give it `__builtins__`), and a
    function's code is marked optimized. CPython makes such frames for C
    too (pyexpat's `File "pyexpat.c"`), and shows them: they stay.
    """
    code = frame.f_code
    return (
        not frame.f_globals
        and not code.co_flags & inspect.CO_OPTIMIZED
        and not code.co_filename.endswith(".c")
    )


def _shown(frame: FrameType) -> bool:
    return not frame.f_code.co_filename.startswith(RUNTIME_DIR) and not _javascript(frame)


def strip_runtime_frames(exc: BaseException, seen: set[int] | None = None) -> None:
    """Removes the runtime's frames from an exception, its chain and its group members."""
    seen = set() if seen is None else seen
    if id(exc) in seen:
        return
    seen.add(id(exc))
    exc.__traceback__ = _keeping(exc.__traceback__, _shown)
    for linked in (exc.__cause__, exc.__context__):
        if linked is not None:
            strip_runtime_frames(linked, seen)
    for member in getattr(exc, "exceptions", ()) or ():
        if isinstance(member, BaseException):
            strip_runtime_frames(member, seen)


def input_ran_out(exc: BaseException, filename: str) -> bool:
    """Whether `input()` in the program itself found stdin at its end.

    `input()` is built in, so its EOFError is raised in the learner's frame.
    """
    if type(exc) is not EOFError or exc.args != ("EOF when reading a line",):
        return False
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and tb.tb_frame.f_code.co_filename == filename


# The deepest traceback reported in full. Only a recursion whose limit the
# program raised goes deeper, and the interpreter cannot free its traceback:
# CPython's guard against deep deallocation measures Emscripten's stack in
# linear memory, not V8's, which overflows first (past ~10,000 entries in
# Node). The run then ends as that traceback is freed, with the host's
# message about the recursion, so building and printing a million entries
# (~3 s, of a run the watchdog gives 8) would be work nobody reads.
REPORTED_DEPTH = 100_000


def too_deep_to_report(exc: BaseException) -> bool:
    """Whether the exception's traceback has more than REPORTED_DEPTH entries."""
    tb = exc.__traceback__
    for _ in range(REPORTED_DEPTH):
        if tb is None:
            return False
        tb = tb.tb_next
    return tb is not None


def print_exception_line(exc: BaseException) -> None:
    """Prints only the exception's own line, as the last line of its traceback reads."""
    if sys.stderr is not None:
        sys.stderr.write("".join(traceback.format_exception_only(exc)))


def print_uncaught(exc: BaseException, filename: str) -> None:
    """Prints an uncaught exception to stderr the way the interpreter does at exit.

    One exception to CPython's way: when `input()` ran out of stdin, the
    learner has nothing to type into (issue 11), and asyncio's frames between
    `asyncio.run` and their coroutine would bury the one line that matters,
    so only the program's own frames are shown.
    """
    strip_runtime_frames(exc)
    # Passed explicitly: some exceptions ignore assignment to __traceback__
    # (Pyodide's JsException is a proxy whose attributes are JavaScript's).
    tb = _keeping(exc.__traceback__, _shown)
    if input_ran_out(exc, filename):
        tb = _keeping(tb, lambda frame: frame.f_code.co_filename == filename)
    # Like CPython at exit: nothing is printed when the program set sys.stderr to None.
    if sys.stderr is not None:
        traceback.print_exception(type(exc), exc, tb, file=sys.stderr)
