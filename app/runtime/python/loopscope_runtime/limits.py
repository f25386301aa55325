"""Run limits, and the exception that ends a run when one is reached."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Caps that turn a runaway program into a one-line message."""

    max_virtual_time: float = 3_600.0
    max_iterations: int = 1_000_000
    max_events: int = 2_000_000
    max_output_chars: int = 4_000_000
    max_tasks: int = 100_000

    @classmethod
    def from_options(cls, options: dict) -> "Limits":
        given = options.get("limits") or {}
        default = cls()
        return cls(
            max_virtual_time=float(given.get("maxVirtualTime", default.max_virtual_time)),
            max_iterations=int(given.get("maxIterations", default.max_iterations)),
            max_events=int(given.get("maxEvents", default.max_events)),
            max_output_chars=int(given.get("maxOutputChars", default.max_output_chars)),
            max_tasks=int(given.get("maxTasks", default.max_tasks)),
        )


class RunStopped(SystemExit):
    """Ends a run from inside the runtime.

    A SystemExit subclass on purpose: `except Exception` cannot swallow it, and
    asyncio's Task re-raises SystemExit out of the loop at once instead of
    storing it in the task (tasks.py, Task.__step).
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class ProgramExited(RunStopped):
    """`os._exit(code)`: the program ends at once, without clean-up, with its status.

    In Pyodide the real call would end the interpreter (and its host thread),
    so the runtime ends the run instead, as firmly as a limit.
    """

    def __init__(self, code: int) -> None:
        super().__init__(EXITED, "")
        self.exit_code = code


# The kinds a RunStopped can have; the trace's `limit` event uses the same words.
VIRTUAL_TIME = "virtual-time"
ITERATIONS = "iterations"
EVENTS = "events"
OUTPUT = "output"
TASKS = "tasks"
DEADLOCK = "deadlock"
INTERRUPTED = "interrupted"
EXITED = "exited"
