"""Runs a lesson exercise's check after the learner's program.

A check is Python written by the lesson's author. It runs in a namespace of
its own that holds `run` (a `RunFacts`), `fail`, `expect` and `about`, and it
passes when it ends without failing. The verdict is always a sentence for the
learner: a check that crashes is the lesson's bug, reported as such, never as
a traceback of the checker. The API is documented in docs/authoring-lessons.md.
"""

import math

from .run_facts import RunFacts


class CheckFailed(Exception):
    """Raised by `fail`: the learner's program does not do what the exercise asks."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def fail(message: str, line: int | None = None) -> None:
    """Ends the check: the program fails, for the reason `message` gives (about `line`)."""
    raise CheckFailed(str(message), line)


def expect(condition: object, message: str, line: int | None = None) -> None:
    """Fails with `message` (about `line`) unless `condition` is true."""
    if not condition:
        raise CheckFailed(str(message), line)


def about(value: float | None, target: float, tolerance: float = 0.05) -> bool:
    """Whether `value` is `target` give or take `tolerance` seconds (for durations)."""
    return value is not None and math.isclose(value, target, rel_tol=0, abs_tol=tolerance)


def _stopped_verdict(facts: RunFacts) -> dict | None:
    """The verdict when the program did not finish: its own error comes first."""
    if facts.limit is not None:
        return {"passed": False, "message": facts.limit, "line": None}
    if facts.outcome == "interrupted":
        return {"passed": False, "message": "The program was stopped before it finished.", "line": None}
    error = facts.error
    if error is not None:
        where = f" at line {error.line}" if error.line is not None else ""
        return {
            "passed": False,
            "message": f"The program stopped with {error.name}{where}: {error.message}",
            "line": error.line,
        }
    return None


def run_check(check_source: str, check_name: str, facts: RunFacts, allow_error: bool) -> dict:
    """Runs a check's code against `facts`; returns {passed, message, line}."""
    if not allow_error:
        stopped = _stopped_verdict(facts)
        if stopped is not None:
            return stopped
    namespace = {
        "__name__": "loopscope_check",
        "run": facts,
        "fail": fail,
        "expect": expect,
        "about": about,
    }
    try:
        code = compile(check_source, check_name, "exec", dont_inherit=True)
        exec(code, namespace)
    except CheckFailed as failed:
        return {"passed": False, "message": failed.message, "line": failed.line}
    except Exception as exc:  # the check's own bug, whatever the learner wrote
        return {
            "passed": False,
            "message": (
                "The check of this exercise itself failed "
                f"({type(exc).__name__}: {exc}); this is a bug in the lesson, not in your program."
            ),
            "line": None,
            "checkError": True,
        }
    return {"passed": True, "message": "", "line": None}
