"""What a host (Web Worker, Node command line) calls. Arguments and results are JSON text."""

import json

from . import guard
from .js_routes import close_routes_to_javascript
from .runner import run_program


def run(source: str, filename: str, options_json: str, sink) -> str:
    """Runs a program; `sink(batch)` receives events as they come (marshalled bytes). Returns the summary."""
    return json.dumps(run_program(source, filename, json.loads(options_json), sink))


def close_routes() -> None:
    """Closes Python's ways to JavaScript; called once, before the first program."""
    close_routes_to_javascript()


def guard_interpreter() -> None:
    """Refuses audit hooks and writes to the library (guard.py); called once, before the first program."""
    guard.install()


def check_syntax(source: str, filename: str) -> str:
    """CPython's own verdict on a program text: null, or the first syntax error as JSON."""
    import ast

    try:
        compile(source, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    except SyntaxError as exc:
        # The shape of SyntaxProblem (pythonRuntime.ts): a position is always
        # given (the start when CPython has none), the end only when known.
        problem = {
            "message": exc.msg,
            "line": exc.lineno or 1,
            "column": exc.offset or 1,
            "error": type(exc).__name__,
        }
        if exc.end_lineno is not None and exc.end_offset is not None:
            problem["endLine"] = exc.end_lineno
            problem["endColumn"] = exc.end_offset
        return json.dumps(problem)
    except ValueError as exc:  # e.g. source code string cannot contain null bytes
        return json.dumps({"message": str(exc), "line": 1, "column": 1, "error": "ValueError"})
    return "null"
