"""What a finished run did, in the words a lesson's check uses.

A lesson's check (see docs/authoring-lessons.md) reads the run through one
`RunFacts` object, built here from the run's trace events and its output: how
long the run took, its tasks and what they waited on, where the loop was
blocked, what was never awaited. Everything is derived from the events, as the
timeline derives its picture, so a check and the timeline never disagree.
"""

import ast
import re
from dataclasses import dataclass, field

# "Task exception was never retrieved" is followed by the task's repr.
_UNRETRIEVED = re.compile(
    r"Task exception was never retrieved\nfuture: <Task finished name='([^']*)'"
)
_NEVER_AWAITED = re.compile(r"coroutine '([^']*)' was never awaited")


@dataclass
class OutputLine:
    """One line the program printed."""

    text: str
    time: float
    task: str | None
    stream: str


@dataclass
class Wait:
    """One stretch of time a task spent suspended, and on what."""

    kind: str
    start: float
    end: float | None
    line: int | None

    @property
    def duration(self) -> float | None:
        return None if self.end is None else self.end - self.start


@dataclass
class TaskFacts:
    """A task of the run, from its creation to its end."""

    id: int
    name: str
    coro: str
    creator: str | None
    line: int | None
    api: str
    created: float
    ended: float | None = None
    outcome: str = "pending"
    error: str | None = None
    error_line: int | None = None
    result: str | None = None
    cancelled_at_shutdown: bool = False
    steps: int = 0
    waits: list[Wait] = field(default_factory=list)

    @property
    def function(self) -> str:
        """The coroutine function's name: `fetch` for `fetch('a')`."""
        return self.coro.split("(", 1)[0]


@dataclass
class Blocked:
    """A stretch where one step held the loop (`time.sleep`, busy work)."""

    task: str | None
    line: int | None
    duration: float
    time: float


@dataclass
class ErrorFacts:
    """The exception that ended the program, if one did."""

    name: str
    message: str
    line: int | None


class RunFacts:
    """Everything a check may ask about the run it follows."""

    def __init__(self, events: list[dict], source: str, filename: str, namespace: dict) -> None:
        self.source = source
        self.filename = filename
        self.globals = namespace
        self.tasks: list[TaskFacts] = []
        self.output: list[OutputLine] = []
        self.blocked: list[Blocked] = []
        self.warnings: list[tuple[str, str, int | None]] = []
        self.error: ErrorFacts | None = None
        self.limit: str | None = None
        self.outcome = "ok"
        self.duration = 0.0
        self.stdout = ""
        self.stderr = ""
        _Replay(self).play(events)

    # -- questions a check asks ---------------------------------------------

    def task(self, name: str) -> TaskFacts | None:
        """The task called `name`, or None."""
        for task in self.tasks:
            if task.name == name:
                return task
        return None

    def tasks_running(self, function: str) -> list[TaskFacts]:
        """The tasks whose coroutine is `function` (e.g. "fetch")."""
        return [task for task in self.tasks if task.function == function]

    def most_at_once(self, kind: str | None = None, function: str | None = None) -> int:
        """The most tasks that were suspended at the same moment.

        Only waits of `kind` (e.g. "sleep") count when it is given, and only
        tasks running `function` when that is given. Waits that end at the
        moment another begins do not overlap.
        """
        edges: list[tuple[float, int]] = []
        for task in self.tasks:
            if function is not None and task.function != function:
                continue
            for wait in task.waits:
                if kind is not None and wait.kind != kind:
                    continue
                end = self.duration if wait.end is None else wait.end
                if end > wait.start:
                    edges.append((wait.start, 1))
                    edges.append((end, -1))
        edges.sort()  # at one moment, -1 sorts before +1: ends before starts
        most = current = 0
        for _, delta in edges:
            current += delta
            most = max(most, current)
        return most

    @property
    def never_awaited(self) -> list[tuple[str, int | None]]:
        """(coroutine name, line) of each coroutine that was created and never awaited."""
        found = []
        for category, message, line in self.warnings:
            match = _NEVER_AWAITED.search(message)
            if category == "RuntimeWarning" and match:
                found.append((match.group(1), line))
        return found

    @property
    def unretrieved(self) -> list[str]:
        """Names of tasks whose exception was never retrieved (CPython's report)."""
        return _UNRETRIEVED.findall(self.stderr)

    @property
    def printed(self) -> list[str]:
        """The lines printed to stdout, in order, without their times."""
        return [line.text for line in self.output if line.stream == "stdout"]

    def calls(self, name: str) -> list[int]:
        """The lines where the program calls `name`, as written: "asyncio.gather", "sleep"."""
        try:
            tree = ast.parse(self.source)
        except SyntaxError:
            return []
        lines = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _dotted(node.func) == name:
                lines.append(node.lineno)
        return sorted(lines)


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


class _Replay:
    """Walks the events once, keeping the virtual clock and each task's current wait."""

    def __init__(self, facts: RunFacts) -> None:
        self.facts = facts
        self.now = 0.0
        self.by_id: dict[int, TaskFacts] = {}
        self.step_start = 0.0
        self.shutdown = False
        self.partial = {"stdout": "", "stderr": ""}
        self.partial_meta: dict[str, tuple[float, str | None]] = {}

    def name_of(self, task_id: int | None) -> str | None:
        if task_id is None:
            return None
        task = self.by_id.get(task_id)
        return None if task is None else task.name

    def play(self, events: list[dict]) -> None:
        for event in events:
            handler = getattr(self, "on_" + event["type"].replace(".", "_"), None)
            if handler is not None:
                handler(event)
        for stream in ("stdout", "stderr"):
            if self.partial[stream]:
                self.add_line(stream, self.partial[stream])
        for task in self.facts.tasks:
            if task.waits and task.waits[-1].end is None and task.outcome != "pending":
                task.waits[-1].end = task.ended
        self.facts.duration = max(self.facts.duration, self.now)

    def add_line(self, stream: str, text: str) -> None:
        time, task = self.partial_meta.pop(stream, (self.now, None))
        self.facts.output.append(OutputLine(text, time, task, stream))

    # -- one handler per event type -------------------------------------------

    def on_iteration(self, event: dict) -> None:
        self.now = event["t"]
        self.step_start = self.now

    def on_task_create(self, event: dict) -> None:
        if event.get("internal"):
            return
        task = TaskFacts(
            id=event["task"],
            name=event["name"],
            coro=event["coro"],
            creator=self.name_of(event.get("parent")),
            line=event.get("line"),
            api=event.get("api") or "",
            created=self.now,
        )
        self.by_id[task.id] = task
        self.facts.tasks.append(task)

    def end_wait(self, task: TaskFacts) -> None:
        if task.waits and task.waits[-1].end is None:
            task.waits[-1].end = self.step_start

    def on_task_suspend(self, event: dict) -> None:
        task = self.by_id.get(event["task"])
        if task is None:
            return
        self.end_wait(task)
        task.steps += 1
        chain = event.get("chain") or []
        line = chain[-1]["line"] if chain else None
        kind = event["reason"]["kind"]
        task.waits.append(Wait(kind, self.now, None, line))
        self.step_start = self.now

    def on_task_end(self, event: dict) -> None:
        task = self.by_id.get(event["task"])
        if task is None:
            return
        self.end_wait(task)
        task.steps += 1
        task.ended = self.now
        task.outcome = event["outcome"]
        if task.outcome == "exception":
            task.error = event.get("error")
            task.error_line = event.get("line")
        elif task.outcome == "result":
            task.result = event.get("repr")
        if task.api == "run":
            self.shutdown = True
        self.step_start = self.now

    def on_step(self, _event: dict) -> None:
        self.step_start = self.now

    def on_task_cancel(self, event: dict) -> None:
        task = self.by_id.get(event["task"])
        if task is not None and self.shutdown:
            task.cancelled_at_shutdown = True

    def on_loop_blocked(self, event: dict) -> None:
        self.now = max(self.now, event["t"] + event["duration"])
        self.facts.blocked.append(
            Blocked(self.name_of(event.get("task")), event.get("line"), event["duration"], event["t"])
        )

    def on_output(self, event: dict) -> None:
        stream = event["stream"]
        text = event["text"]
        self.now = max(self.now, event.get("t", self.now))
        if stream == "stdout":
            self.facts.stdout += text
        else:
            self.facts.stderr += text
        buffered = self.partial[stream] + text
        if stream not in self.partial_meta:
            self.partial_meta[stream] = (event.get("t", self.now), self.name_of(event.get("task")))
        *lines, rest = buffered.split("\n")
        for line in lines:
            self.add_line(stream, line)
        self.partial[stream] = rest

    def on_warning(self, event: dict) -> None:
        self.facts.warnings.append((event["category"], event["message"], event.get("line")))

    def on_error(self, event: dict) -> None:
        self.facts.error = ErrorFacts(event["error"], event["message"], event.get("line"))

    def on_limit(self, event: dict) -> None:
        self.facts.limit = event["message"]

    def on_run_end(self, event: dict) -> None:
        self.facts.outcome = event["outcome"]
        self.facts.duration = event["virtualTime"]
