"""Loopscope's Python runtime.

Runs a learner's unmodified asyncio program on a traced event loop with a
virtual clock, inside Pyodide (or any CPython 3.14). Everything it records is
sent to the host as trace events; see docs/trace-format.md.

Nothing here imports JavaScript: the host passes plain callables in.
"""

TRACE_FORMAT_VERSION = 5
