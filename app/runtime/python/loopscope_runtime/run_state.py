"""Everything one run shares across its event loops: clock, trace, counters, stop."""

import weakref

from . import wire
from .clock import VirtualClock
from .clock_reads import ClockReads
from .enforce import StopEnforcer
from .frames import LearnerCode
from .limits import EVENTS, Limits, ProgramExited, RunStopped
from .network import VirtualNetwork
from .trace import Tracer


class RunState:
    """The state of one program run.

    A program may create several loops (`asyncio.Runner` twice, or
    `new_event_loop`); they share one clock and one numbering of tasks, so the
    trace reads as one story.
    """

    def __init__(
        self, tracer: Tracer, learner: LearnerCode, limits: Limits, network_latency: float = 0.0
    ) -> None:
        self.tracer = tracer
        self.learner = learner
        self.limits = limits
        self.clock = VirtualClock()
        # What the program's clock reads cost (busy work moves the clock).
        self.clock_reads = ClockReads(self)
        self.iteration = 0
        self.output_chars = 0
        # Task names count like CPython's own counter, but from 1 on every run.
        self.task_names = 0
        self.task_ids = 0
        self.handle_ids = 0
        self.loop_ids = 0
        # Orders timers set with call_later that share a deadline (see loop.TimerHandle).
        self.timer_seq = 0
        # Tasks created outside the runtime's factory (e.g. `asyncio.Task(coro)`).
        self.foreign_task_ids: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        # The handle and task of the step running now, for causality and output.
        self.current_h = 0
        self.current_task = 0
        # Timeout deadlines that apply to a task: task id -> weak reference
        # to the timer handle. Weak: a fired timer's callback leads to the
        # task, and the trace must not keep a task CPython would free.
        self.deadlines: dict[int, weakref.ref] = {}
        self.stop_exc: RunStopped | None = None
        # The exception that ended the program, if any: freed only when the
        # program is over (runner._exit_program), as CPython frees it.
        self.last_exc: BaseException | None = None
        self.enforcer = StopEnforcer(learner.filename)
        # sys.modules as the run found it (patches.run_environment): what the
        # program removes from it is put back before its objects are freed.
        self.modules_at_start: dict = {}
        # True once the program has ended and only clean-up runs.
        self.finished = False
        # For the summary: the program did not compile, so none of it ran;
        # its top level awaits, which plain `python3` refuses; it ended
        # because `input()` found no more stdin.
        self.not_started = False
        self.top_level_await = False
        self.input_ran_out = False
        # Set while a simulated worker thread runs a blocking function.
        self.thread_context = None
        # The in-memory machine that servers and connections of every loop share.
        self.network = VirtualNetwork(self, network_latency)
        # The simulated thread whose held-back output is being written, if any,
        # and the learner's frames that printed it there.
        self.output_thread: int | None = None
        self.output_chain: list[dict] | None = None

    def next_task_name(self) -> str:
        self.task_names += 1
        return f"Task-{self.task_names}"

    def next_task_id(self) -> int:
        self.task_ids += 1
        return self.task_ids

    def next_handle_id(self) -> int:
        self.handle_ids += 1
        return self.handle_ids

    def batch_full(self) -> None:
        """Called when `tracer.pending` reaches the batch size: sends it; stops at the event cap.

        A full trace records no more scheduling: asyncio's clean-up of the
        stopped run (cancelling every task left, hundreds of thousands after
        a flood) would otherwise go on sending events past the cap, with no
        step or iteration among them, for longer than the page's watchdog
        waits for one (tests/runtime/badInput.test.ts, task_flood.py).
        """
        tracer = self.tracer
        tracer.flush()
        if tracer.count >= self.limits.max_events and self.stop_exc is None:
            stop = self.stop(
                EVENTS,
                f"Stopped: the trace reached {self.limits.max_events:,} events "
                "(the program schedules too much to show; shorten it)",
            )
            tracer.enabled = False
            raise stop

    def exit_now(self, code: int) -> RunStopped:
        """`os._exit(code)`: a stop that is sticky as a limit is, without a message."""
        if self.stop_exc is None:
            self.stop_exc = ProgramExited(code)
            self.enforcer.start(self.stop_exc)
        return self.stop_exc

    def stop(self, kind: str, message: str) -> RunStopped:
        """Records a limit and returns the exception to raise.

        The stop is sticky: the loop raises it again at its next iteration, so
        a learner's `except BaseException` cannot keep a stopped run going.
        """
        if self.stop_exc is None:
            self.stop_exc = RunStopped(kind, message)
            self.tracer.emit((wire.LIMIT, kind, message, self.clock.now))
            # Sent now: to the page, the stop's event is Python's answer to its
            # interrupt, and the run's ending may take a while yet.
            self.tracer.flush()
            self.enforcer.start(self.stop_exc)
        return self.stop_exc


_current: RunState | None = None


def current_run() -> RunState:
    if _current is None:
        raise RuntimeError("Loopscope's event loop can only be created during a run")
    return _current


def set_current_run(run: RunState | None) -> None:
    global _current
    _current = run
