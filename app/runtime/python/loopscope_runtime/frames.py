"""Finding the learner's own code in frames and coroutine chains.

The learner's program is compiled under one file name; every frame with that
file name is theirs. Everything else (asyncio, this runtime) is machinery the
trace describes in the learner's terms instead of showing.
"""

import sys
from collections.abc import Callable, Iterator
from types import CodeType, CoroutineType, FrameType

from .trace import safe_repr

RUNTIME_DIR = __file__.rsplit("/", 1)[0] + "/"

# The ids of the code objects of `chain_boundary` functions. Ids, because code
# objects compare by content: a learner's function with the same body as a
# boundary would match. The functions live as long as the process, so ids stay.
_CHAIN_BOUNDARIES: set[int] = set()


def chain_boundary[F: Callable](func: F) -> F:
    """Marks `func` as a frame that ends an output chain (see `LearnerCode.output_chain`).

    The learner's frames further out did not write the output: they are
    waiting while the loop runs a step (asyncio.run's line), while a simulated
    thread runs (the task that called to_thread), while an eager task takes
    its first step, or while the runtime reports something itself (a warning,
    "Task exception was never retrieved").
    """
    _CHAIN_BOUNDARIES.add(id(func.__code__))
    return func


class LearnerCode:
    """Knows which file is the learner's, and answers questions about frames."""

    def __init__(self, filename: str) -> None:
        self.filename = filename

    def innermost_frame(self, start: FrameType | None) -> FrameType | None:
        """The nearest frame of the learner's code, walking outwards from `start`."""
        frame = start
        filename = self.filename
        while frame is not None:
            if frame.f_code.co_filename == filename:
                return frame
            frame = frame.f_back
        return None

    def current_line(self, depth: int = 2) -> int | None:
        frame = self.innermost_frame(sys._getframe(depth))
        return frame_line(frame) if frame is not None else None

    def creation_site(self, depth: int) -> tuple[int | None, str | None]:
        """The learner's line that led here, and the outermost library function called from it.

        For `asyncio.gather(a(), b())` this is the gather line and "gather";
        for `loop.create_task(c())` called directly it is that line and None.
        """
        frame = sys._getframe(depth)
        filename = self.filename
        api = None
        while frame is not None:
            code = frame.f_code
            if code.co_filename == filename:
                return frame_line(frame), api
            if not code.co_filename.startswith(RUNTIME_DIR):
                api = code.co_qualname
            frame = frame.f_back
        return None, api

    def await_chain(self, coro: object) -> list[list]:
        """The learner's frames a task is suspended in, outermost first, with their lines."""
        filename = self.filename
        chain = []
        for frame in chain_frames(coro):
            code = frame.f_code
            if code.co_filename == filename:
                line = frame.f_lineno
                if line is None:  # see line_before
                    line = line_before(code, frame.f_lasti)
                chain.append([code.co_qualname, line])
        return chain

    def output_chain(self, depth: int) -> list[list]:
        """The learner's frames writing output now, outermost first, with their lines.

        Walks the stack outwards from `depth` (the caller of the stream's
        write, so that the stream's own frames cost nothing) to the nearest
        `chain_boundary`: in a task's step the chain starts at the task's
        coroutine, as `await_chain` does; at module level at `<module>`.
        This runs on every line printed, and a frame costs ~0.5 µs in
        WebAssembly: keep the loop bare (docs/PERFORMANCE.md).
        """
        filename = self.filename
        boundaries = _CHAIN_BOUNDARIES
        chain = []
        try:
            frame = sys._getframe(depth)
        except ValueError:  # written with no Python caller (e.g. straight from the host)
            return chain
        while frame is not None:
            code = frame.f_code
            if code.co_filename == filename:
                line = frame.f_lineno
                if line is None:
                    line = line_before(code, frame.f_lasti)
                chain.append([code.co_qualname, line])
            elif id(code) in boundaries:
                break
            frame = frame.f_back
        chain.reverse()
        return chain

    def innermost_coroutine_frame(self, coro: object) -> FrameType | None:
        """The deepest learner frame in a coroutine's await chain."""
        found = None
        filename = self.filename
        for frame in chain_frames(coro):
            if frame.f_code.co_filename == filename:
                found = frame
        return found


def frame_line(frame: FrameType) -> int:
    """The line a frame is at, always a number (see `line_before`)."""
    line = frame.f_lineno
    return line_before(frame.f_code, frame.f_lasti) if line is None else line


def line_before(code: CodeType, offset: int) -> int:
    """The line of the last instruction at or before `offset` that has one.

    `f_lineno` is None on the instructions CPython adds without a line, such
    as the clean-up that unbinds `excs` after `except* E as excs:`; a
    learner's `__del__` can print from there (when that frees an object), and
    the output's chain still needs a line to show. The clean-up belongs to the
    code before it (there, the `except*` clause or its body), as CPython's own
    line for the clean-up of a plain `except E as e:` is its body's last line.
    """
    found = code.co_firstlineno
    for start, _end, line in code.co_lines():
        if start > offset:
            break
        if line is not None:
            found = line
    return found


def chain_frames(coro: object) -> Iterator[FrameType]:
    """The frames of an await chain, outermost first: coroutines, generators, async generators."""
    while coro is not None:
        if type(coro) is CoroutineType:  # the common case, without getattr lookups
            frame = coro.cr_frame
            coro = coro.cr_await
        else:
            frame = _first_attribute(coro, "gi_frame", "ag_frame")
            coro = _first_attribute(coro, "gi_yieldfrom", "ag_await")
        if frame is None:
            return
        yield frame


def _first_attribute(obj: object, *names: str):
    for name in names:
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return None


def name_of(obj: object, frame: FrameType | None) -> str | None:
    """The learner's name for `obj`: a local, a global, or `self.<attribute>`."""
    if frame is None:
        return None
    local_vars = frame.f_locals
    for name, value in local_vars.items():
        if value is obj:
            return name
    owner = local_vars.get("self")
    if owner is not None:
        for name, value in getattr(owner, "__dict__", {}).items():
            if value is obj:
                return f"self.{name}"
    for name, value in frame.f_globals.items():
        if value is obj:
            return name
    return None


def describe_coroutine(coro: object) -> str:
    """`fetch('b')`: the coroutine's function and the arguments it was called with."""
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
    name = getattr(coro, "__qualname__", None) or type(coro).__name__
    if code is None or frame is None:
        return f"{name}()"
    local_vars = frame.f_locals
    count = code.co_argcount + code.co_kwonlyargcount
    args = []
    for arg_name in code.co_varnames[:count]:
        if arg_name == "self":
            continue
        if arg_name in local_vars:
            args.append(_short(safe_repr(local_vars[arg_name])))
    return f"{name}({', '.join(args)})"


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
