"""The trace: events in the domain's words, batched on their way to the host.

Events are tuples in wire.py's layouts, sent in batches in Python's `marshal`
format; docs/trace-format.md documents every kind. Recording must cost
little (a run can make 10^5 events), so `emit` is the buffer's own `append`,
and the checks that a batch is full or that the event cap is reached happen
only when a batch is full (RunState.batch_full).
"""

import marshal
import re
from collections.abc import Callable

from .clock import real_perf_counter
from .wire import OUTPUT, OUTPUT_TEXT

BATCH_SIZE = 2048
REPR_MAX = 200
# Output events a run records one per write; after these, consecutive writes
# from the same place are joined into one event (Tracer.emit_streamed).
JOIN_OUTPUT_AFTER = 10_000
# Longest a step's end waits in the buffer, in wall seconds: the page's
# watchdog takes a step's end as the sign that the loop moves on, so a
# program whose steps are slow but few (a batch fills after minutes) must
# still be seen to move. Its output shows as it comes, too.
PROGRESS_INTERVAL = 0.5
# The `marshal` format of the batches (app/runtime/marshalReader.ts reads it).
MARSHAL_VERSION = 4

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def safe_repr(value: object) -> str:
    """A short repr with memory addresses removed, so traces are reproducible."""
    try:
        text = repr(value)
    except Exception as exc:  # a learner's __repr__ may raise anything
        text = f"<repr failed: {type(exc).__name__}>"
    text = _ADDRESS.sub("", text)
    if len(text) > REPR_MAX:
        text = text[: REPR_MAX - 1] + "…"
    return text


class Tracer:
    """Collects events and hands them to the host's sink in marshalled batches.

    When `enabled` is false only output, warnings, errors and limits are
    recorded: the scheduling hooks check `enabled` before building anything.
    """

    def __init__(
        self, sink: Callable[[bytes], object] | None, enabled: bool, batch_size: int, keep: bool = False
    ):
        self.enabled = enabled
        # Every event sent, when a lesson's check will read the run afterwards.
        self.kept: list | None = [] if keep else None
        self._sink = sink
        # Events not sent yet. Never replaced, so `emit` stays valid; hot
        # paths compare its length with `batch_size` themselves.
        self.pending: list = []
        self.batch_size = batch_size
        self._sent = 0
        # When the last batch was sent (real_perf_counter), for `step_ended`.
        self.sent_at = real_perf_counter()
        self.emit = self.pending.append
        # Output events recorded so far, and streamed records since the last flush.
        self._outputs = 0
        self._streamed = 0
        # Index in `pending` of a joined output event -> the texts it joins.
        self._joined: dict[int, list[str]] = {}

    @property
    def count(self) -> int:
        return self._sent + len(self.pending)

    def emit_streamed(self, event) -> None:
        """Records an event that must reach the host soon even inside one long step (output).

        Once the run's first JOIN_OUTPUT_AFTER output events have one write
        each, a write that follows an output event of the same stream, task, thread, chain and time,
        with nothing recorded between them, is added to that event's text
        instead: a flood of prints then costs the page a few events per batch
        rather than one per line, while every output a learner steps through
        line by line stays its own event. A batch still leaves after
        `batch_size` writes, so a long step's output keeps streaming.
        """
        pending = self.pending
        if event[0] == OUTPUT:
            self._outputs += 1
            if self._outputs > JOIN_OUTPUT_AFTER + 1 and self._joins(event):
                index = len(pending) - 1
                texts = self._joined.get(index)
                if texts is None:
                    texts = self._joined[index] = [pending[index][OUTPUT_TEXT]]
                texts.append(event[OUTPUT_TEXT])
            else:
                self.emit(event)
        else:
            self.emit(event)
        self._streamed += 1
        if len(pending) >= self.batch_size or self._streamed >= self.batch_size:
            self.flush()

    def _joins(self, event: list) -> bool:
        """Whether output `event` continues the last event recorded (no one waits to record first).

        Output events are equal but for their text when their stream, task,
        thread, chain and time are.
        """
        pending = self.pending
        if not pending or self.emit != pending.append:
            return False
        last = pending[-1]
        return (
            last[0] == OUTPUT
            and last[:OUTPUT_TEXT] == event[:OUTPUT_TEXT]
            and last[OUTPUT_TEXT + 1 :] == event[OUTPUT_TEXT + 1 :]
        )

    def before_next_event(self, record: Callable[[], None]) -> None:
        """Calls `record` (which may emit events) just before the next event is recorded.

        For something known only once it is over, such as a busy stretch
        (clock_reads.py): its event then comes before whatever followed it.
        `emit` stays the bare `append` whenever no one waits.
        """
        append = self.pending.append

        def emit(event) -> None:
            self.emit = append
            record()
            append(event)

        self.emit = emit

    def forget_next_event(self) -> None:
        """Undoes `before_next_event`."""
        self.emit = self.pending.append

    def step_ended(self, now: float) -> None:
        """Sends the pending events when the last batch went out PROGRESS_INTERVAL ago or more."""
        if now - self.sent_at >= PROGRESS_INTERVAL:
            self.flush()

    def flush(self) -> None:
        buffer = self.pending
        if not buffer:
            return
        for index, texts in self._joined.items():
            buffer[index][OUTPUT_TEXT] = "".join(texts)
        self._joined.clear()
        self._streamed = 0
        self.sent_at = real_perf_counter()
        # marshal, not JSON: in WebAssembly json.dumps costs ~0.3 µs a value,
        # a fifth of a traced run, and marshal.dumps a fifth of that
        # (docs/PERFORMANCE.md). Version 4 is the one the hosts read.
        batch = marshal.dumps(buffer, MARSHAL_VERSION)
        self._sent += len(buffer)
        if self.kept is not None:
            self.kept.extend(buffer)
        buffer.clear()
        if self._sink is not None:
            self._sink(batch)
