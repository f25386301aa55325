"""Tracebacks as CPython prints them, without the runtime's own frames.

The learner's program runs under this package's code; a traceback that showed
`loopscope_runtime/runner.py` would be a lie about their program. Frames of
the standard library stay, as CPython shows them.
"""

import sys
import traceback
from types import TracebackType

from .frames import RUNTIME_DIR


def _without_runtime(tb: TracebackType | None) -> TracebackType | None:
    frames = []
    while tb is not None:
        if not tb.tb_frame.f_code.co_filename.startswith(RUNTIME_DIR):
            frames.append(tb)
        tb = tb.tb_next
    rebuilt = None
    for entry in reversed(frames):
        rebuilt = TracebackType(rebuilt, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return rebuilt


def strip_runtime_frames(exc: BaseException, seen: set[int] | None = None) -> None:
    """Removes the runtime's frames from an exception, its chain and its group members."""
    seen = set() if seen is None else seen
    if id(exc) in seen:
        return
    seen.add(id(exc))
    exc.__traceback__ = _without_runtime(exc.__traceback__)
    for linked in (exc.__cause__, exc.__context__):
        if linked is not None:
            strip_runtime_frames(linked, seen)
    for member in getattr(exc, "exceptions", ()) or ():
        if isinstance(member, BaseException):
            strip_runtime_frames(member, seen)


def print_uncaught(exc: BaseException) -> None:
    """Prints an uncaught exception to stderr the way the interpreter does at exit."""
    strip_runtime_frames(exc)
    traceback.print_exception(exc, file=sys.stderr)
