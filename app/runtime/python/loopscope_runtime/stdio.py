"""The program's stdout, stderr and stdin during a run.

Output is cut into lines and each line becomes an `output` event carrying the
stream, the virtual time, the task that printed it and the learner's frames
that were writing (its chain). A line is sent when it ends, or when the
program flushes, so `print(..., end="")` followed by a flush still shows up.
"""

import io

from . import wire
from .limits import OUTPUT
from .run_state import RunState


class TracedOutput(io.TextIOBase):
    """A text stream that turns writes into output events."""

    def __init__(self, run: RunState, stream: str) -> None:
        super().__init__()
        self._run = run
        self._stream = stream
        self._pending = ""

    @property
    def encoding(self) -> str:
        return "utf-8"

    @property
    def errors(self) -> str:
        return "strict"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        run = self._run
        if run.stop_exc is not None and run.stop_exc.kind == OUTPUT:
            if run.finished:
                return len(text)  # the run is over; drop what its clean-up prints
            raise run.stop_exc
        run.output_chars += len(text)
        if run.output_chars > run.limits.max_output_chars:
            raise run.stop(
                OUTPUT,
                f"Stopped: the program printed more than {run.limits.max_output_chars:,} "
                "characters (is a print inside a loop that never ends?)",
            )
        thread = run.thread_context
        if thread is not None:
            thread.hold(self._stream, text, run.learner.output_chain(2))
            return len(text)
        pending = self._pending + text
        cut = pending.rfind("\n") + 1
        if cut:
            self._emit(pending[:cut])
            pending = pending[cut:]
        self._pending = pending
        return len(text)

    def flush(self) -> None:
        if self._pending:
            text, self._pending = self._pending, ""
            self._emit(text)

    def _emit(self, text: str) -> None:
        run = self._run
        # The frames of the write (or flush) that completes the text, like
        # `task`; held-back thread output brings the frames it was printed in.
        chain = run.output_chain
        if chain is None:
            chain = run.learner.output_chain(3)  # from the caller of write or flush
        # A list, not a tuple: a flood's writes are joined into its text (Tracer.emit_streamed).
        run.tracer.emit_streamed(
            [
                wire.OUTPUT,
                self._stream,
                text,
                run.current_task or None,
                run.output_thread,
                chain,
                run.clock.now,
            ]
        )


class LineInput(io.StringIO):
    """stdin: the text given with the run, read line by line; then end of file."""

    def isatty(self) -> bool:
        return False
