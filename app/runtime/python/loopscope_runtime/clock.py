"""The virtual clock, and the time functions that read it during a run.

A run starts at virtual time 0. Time moves only when the loop jumps to its
next timer, when something blocks (`time.sleep`), or when the program keeps
reading a clock without awaiting (busy work, clock_reads.py), so a program
that sleeps for an hour finishes at once and prints the same thing every time.
"""

import datetime as _datetime
import time as _time
from collections.abc import Callable
from sys import _getframe
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .clock_reads import ClockReads

# Wall-clock time at virtual time 0: 2026-01-01 00:00:00 UTC. Fixed, so that
# `time.time()` and `datetime.now()` print the same on every run.
EPOCH_AT_ZERO = 1_767_225_600.0

# The real clock, kept before any patching, for measuring CPU time of steps.
real_perf_counter = _time.perf_counter


class VirtualClock:
    """Seconds of virtual time since the run started."""

    __slots__ = ("now",)

    def __init__(self) -> None:
        self.now = 0.0

    def advance_to(self, when: float) -> None:
        if when > self.now:
            self.now = when

    def advance_by(self, seconds: float) -> None:
        if seconds > 0:
            self.now += seconds


def _virtual_datetime_class(now: Callable[[FrameType], float]) -> type:
    base = _datetime.datetime

    class datetime(base):  # keeps the stdlib's name so reprs are unchanged
        @classmethod
        def now(cls, tz=None):
            return cls.fromtimestamp(EPOCH_AT_ZERO + now(_getframe(1)), tz)

        @classmethod
        def today(cls):
            return cls.fromtimestamp(EPOCH_AT_ZERO + now(_getframe(1)))

        @classmethod
        def utcnow(cls):
            return cls.fromtimestamp(EPOCH_AT_ZERO + now(_getframe(1)), _datetime.UTC).replace(
                tzinfo=None
            )

    datetime.__module__ = "datetime"
    datetime.__qualname__ = "datetime"
    return datetime


def _virtual_date_class(now: Callable[[FrameType], float]) -> type:
    class date(_datetime.date):
        @classmethod
        def today(cls):
            return cls.fromtimestamp(EPOCH_AT_ZERO + now(_getframe(1)))

    date.__module__ = "datetime"
    date.__qualname__ = "date"
    return date


def time_patches(reads: "ClockReads", sleep) -> dict[tuple[object, str], object]:
    """Replacements for the time and datetime functions, as (module, name) -> value.

    Each passes its caller's frame to `reads`, which decides whether the read
    is the program's and charges busy work (clock_reads.py).
    """
    now = reads.now
    cpu_time_ns = reads.cpu_time_ns

    def monotonic() -> float:
        return now(_getframe(1))

    def monotonic_ns() -> int:
        return round(now(_getframe(1)) * 1e9)

    def wall() -> float:
        return EPOCH_AT_ZERO + now(_getframe(1))

    def wall_ns() -> int:
        return round((EPOCH_AT_ZERO + now(_getframe(1))) * 1e9)

    def process_time() -> float:
        return cpu_time_ns(_getframe(1), True) / 1e9

    def process_time_ns() -> int:
        return cpu_time_ns(_getframe(1), True)

    def thread_time() -> float:
        return cpu_time_ns(_getframe(1), False) / 1e9

    def thread_time_ns() -> int:
        return cpu_time_ns(_getframe(1), False)

    def localtime(secs=None):
        return _time_localtime(EPOCH_AT_ZERO + now(_getframe(1)) if secs is None else secs)

    def gmtime(secs=None):
        return _time_gmtime(EPOCH_AT_ZERO + now(_getframe(1)) if secs is None else secs)

    def ctime(secs=None):
        return _time_ctime(EPOCH_AT_ZERO + now(_getframe(1)) if secs is None else secs)

    return {
        (_time, "monotonic"): monotonic,
        (_time, "monotonic_ns"): monotonic_ns,
        (_time, "perf_counter"): monotonic,
        (_time, "perf_counter_ns"): monotonic_ns,
        (_time, "time"): wall,
        (_time, "time_ns"): wall_ns,
        (_time, "process_time"): process_time,
        (_time, "process_time_ns"): process_time_ns,
        (_time, "thread_time"): thread_time,
        (_time, "thread_time_ns"): thread_time_ns,
        (_time, "localtime"): localtime,
        (_time, "gmtime"): gmtime,
        (_time, "ctime"): ctime,
        (_time, "sleep"): sleep,
        (_datetime, "datetime"): _virtual_datetime_class(now),
        (_datetime, "date"): _virtual_date_class(now),
    }


_time_localtime = _time.localtime
_time_gmtime = _time.gmtime
_time_ctime = _time.ctime
