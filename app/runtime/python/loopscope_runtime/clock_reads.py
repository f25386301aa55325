"""Busy work moves the virtual clock: what reading a clock costs.

The virtual clock stands still while a step runs, so the textbook way to
simulate CPU-bound work, `end = time.time() + 0.5; while time.time() < end:
pass`, would spin for ever. On CPython every lap of such a loop takes a little
real time; here reading the clock over and over costs virtual time instead,
by one deterministic rule (docs/trace-format.md, "Reading the clock"):

- Only the program's reads count: a clock function called from the learner's
  file, or `loop.time()` of an event loop the program built itself on
  `BaseEventLoop` (whose `_run_once` spins on that read when its selector
  does not wait). Reads by asyncio, the standard library and the runtime are
  free and never move the clock.
- Reads are counted per reader (a task; a simulated thread; callbacks and the
  module's own code count as one reader) and per place: the instruction that
  calls the clock, with the chain of the program's calls that led there, so a
  helper such as `def now(): return time.time()` is a different place for each
  of its callers, and a busy loop around it is one place.
- The first `FREE_READS` reads of a place at one virtual time are free: a loop
  that stamps a handful of items, or awaits something that does not suspend,
  leaves time (and the trace) as it was. Each read after that is **charged**:
  the reader's clock moves by a quantum (1 ms; more in a long stretch, see
  `quantum_ns`) before the read answers. A place's count starts again when
  the clock has moved since its previous read by anything but that read's own
  cost, so a loop reading the clock at several places pays at one of them.
- Consecutive charged reads of one reader in one step form a **busy
  stretch**, recorded as one `loop.blocked` event, as a `time.sleep` is. On a
  simulated thread the thread's own clock moves instead, and nothing blocks
  the loop; outside the loop's steps the clock moves without an event.
"""

from asyncio import base_events, current_task
from asyncio.events import _get_running_loop
from types import FrameType
from typing import TYPE_CHECKING

from . import wire
from .limits import VIRTUAL_TIME

if TYPE_CHECKING:
    from .run_state import RunState

# Reads of one place at one virtual time that cost nothing. A busy-wait reads
# its place thousands of times; a loop over a few items that stamps each one,
# or awaits something that completes at once (`await queue.put(x)`), reads it
# a few times, and must print and trace exactly as before.
FREE_READS = 1_000

# What a charged read costs: 1 ms of virtual time, while its stretch is
# shorter than 10 s. Past 10 s a read costs 10 ms, past 100 s 100 ms, past
# 1,000 s 1 s (never more than a thousandth of the stretch so far), so that a
# busy loop that never ends reaches the virtual-time limit (3,600 s) after
# about 31,000 charged reads instead of 3.6 million, long before the
# real-time watchdog.
QUANTUM_NS = 1_000_000
LONG_STRETCH_NS = 10_000_000_000

# A loop built by the program on BaseEventLoop reads time.monotonic() here;
# the traced loop overrides `time` and never runs this code.
_BASE_LOOP_TIME = base_events.BaseEventLoop.time.__code__


def quantum_ns(spent_ns: int) -> int:
    """What the next charged read of a stretch that has lasted `spent_ns` costs."""
    quantum = QUANTUM_NS
    threshold = LONG_STRETCH_NS
    while spent_ns >= threshold and quantum < 1_000_000_000:
        quantum *= 10
        threshold *= 10
    return quantum


class _Stretch:
    """Consecutive charged reads of one reader in one step: busy work holding its clock."""

    __slots__ = ("reader", "start", "base", "spent_ns", "end", "line", "task", "h", "traced")

    def __init__(
        self, reader: int, start: float, base: float, line: int, task: int, h: int, traced: bool
    ) -> None:
        self.reader = reader
        # The reader's clock when the stretch began, and the value the spent
        # time is added to (the loop's clock, or a thread's elapsed time).
        self.start = start
        self.base = base
        # Whole nanoseconds, divided once: 500 reads are exactly 0.5 s.
        self.spent_ns = 0
        self.end = start
        self.line = line
        self.task = task
        self.h = h
        # Began inside a traced step of the loop (not on a thread): recorded.
        self.traced = traced


class ClockReads:
    """Applies the rule to every clock read of one run, and answers with the reader's time."""

    def __init__(self, run: "RunState") -> None:
        self._run = run
        self._filename = run.learner.filename
        # (reader, place) -> [the reader's time at its last read there, reads
        # there at that time]. Only entries for the loop's current time matter:
        # the table is emptied whenever something other than a charged read
        # moves the loop's clock (`_known_now` is the time it last saw).
        self._places: dict[tuple, list] = {}
        self._known_now = 0.0
        # The busy stretch going on, if any.
        self.stretch: _Stretch | None = None
        # CPU time the program spent busy (charged reads only), in nanoseconds:
        # in all, and on the loop's own thread. A simulated thread keeps its own.
        self.cpu_ns = 0
        self.main_cpu_ns = 0

    # -- reading --------------------------------------------------------------

    def now(self, caller: FrameType) -> float:
        """The virtual time a clock function called from `caller` answers.

        The loop's clock, or on a simulated thread the thread's; a read of the
        program's that the rule charges moves that clock first. A busy loop
        calls this on every lap: keep it bare (docs/PERFORMANCE.md).
        """
        run = self._run
        thread = run.thread_context
        code = caller.f_code
        filename = self._filename
        if code.co_filename != filename:
            if code is not _BASE_LOOP_TIME or caller.f_back is None:
                return run.clock.now if thread is None else thread.start + thread.elapsed
            caller = caller.f_back  # loop.time() of the program's own loop: where it was called
            code = caller.f_code
        loop_now = run.clock.now
        places = self._places
        if loop_now != self._known_now:
            places.clear()
            self._known_now = loop_now
        if thread is not None:
            reader = -thread.thread
            now = thread.start + thread.elapsed
        else:
            # The task whose step runs (the traced loop knows it; an untraced
            # one does not), or 0: a callback, module code, a task of a loop
            # the program built.
            reader = run.current_task
            if not reader:
                loop = _get_running_loop()
                task = current_task(loop) if loop is not None else None
                reader = getattr(task, "_ls_id", 0) if task is not None else 0
            now = loop_now
        # The place: each of the program's frames out from the caller, by instruction.
        key: tuple = (reader, id(code), caller.f_lasti)
        frame = caller.f_back
        while frame is not None and frame.f_code.co_filename == filename:
            key += (id(frame.f_code), frame.f_lasti)
            frame = frame.f_back
        seen = places.get(key)
        if seen is None:
            places[key] = [now, 1]
            return now
        if seen[0] != now:
            seen[0] = now
            seen[1] = 1
            return now
        seen[1] += 1
        if seen[1] <= FREE_READS:
            return now
        # Charged: the busy loop's next lap.
        stretch = self.stretch
        if stretch is None or stretch.end != now or stretch.reader != reader:
            self.close_stretch()
            traced = thread is None and run.current_h != 0 and run.tracer.enabled
            stretch = self.stretch = _Stretch(
                reader,
                now,
                now if thread is None else thread.elapsed,
                caller.f_lineno,
                run.current_task,
                run.current_h,
                traced,
            )
            if traced:
                # Whatever the step records next (a print, a wake-up, its end)
                # comes after the busy work: the stretch is over by then.
                run.tracer.before_next_event(self.close_stretch)
        spent = stretch.spent_ns
        quantum = QUANTUM_NS if spent < LONG_STRETCH_NS else quantum_ns(spent)
        value = stretch.base + (spent + quantum) / 1e9
        if (value if thread is None else thread.start + value) > run.limits.max_virtual_time:
            self.close_stretch()
            raise run.stop(
                VIRTUAL_TIME,
                f"Stopped: the busy-wait at line {stretch.line} (a loop reading the clock without "
                f"awaiting) would pass the {run.limits.max_virtual_time:g} s virtual-time limit",
            )
        stretch.spent_ns = spent + quantum
        self.cpu_ns += quantum
        if thread is None:
            self.main_cpu_ns += quantum
            run.clock.now = self._known_now = now = value
        else:
            thread.cpu_ns += quantum
            thread.elapsed = value
            now = thread.start + value
        stretch.end = seen[0] = now
        return now

    def cpu_time_ns(self, caller: FrameType, whole_process: bool) -> int:
        """`process_time_ns` (whole process) or `thread_time_ns`: busy time only, never sleeps."""
        self.now(caller)  # reading a CPU clock is a read like any other
        if whole_process:
            return self.cpu_ns
        thread = self._run.thread_context
        return self.main_cpu_ns if thread is None else thread.cpu_ns

    # -- where a stretch ends -------------------------------------------------

    def close_stretch(self) -> None:
        """Records the open busy stretch, if any, as the loop blocked.

        Called just before the step's next event (a print, a wake-up, its end:
        the stretch is over by then), at the step's end, before a
        `time.sleep`, and when another reader's stretch begins.
        """
        stretch = self.stretch
        if stretch is None:
            return
        self.stretch = None
        if not stretch.traced:
            return
        tracer = self._run.tracer
        tracer.forget_next_event()
        if stretch.spent_ns:
            tracer.emit(
                (
                    wire.LOOP_BLOCKED,
                    stretch.task or None,
                    stretch.h or None,
                    stretch.line,
                    stretch.spent_ns / 1e9,
                    stretch.start,
                )
            )
