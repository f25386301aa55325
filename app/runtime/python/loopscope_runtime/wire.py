"""How events cross to the host: each an array (a tuple here), its code first, then its fields in order.

docs/trace-format.md ("On the wire") documents it, and the host reads it with
the same table (app/runtime/traceWire.ts; a test compares the two). A run can
record 10^5 events, and in WebAssembly a dict with its keys costs about twice
as much as a tuple to build, and twice the bytes; so the runtime builds every
event as a tuple in this layout (a list for output, whose text a flood
joins), marshals each batch (trace.py), and only a lesson's check reads
events as dicts (`as_event`).

A field whose name ends in "?" is optional: None there means absent, and so
does a tuple that ends before it. A wait reason is a list in REASON's layout,
a frame of a chain a `[function, line]` pair.
"""

RUN_START = 0
RUN_END = 1
LOOP_CREATE = 2
ITERATION = 3
READY_TASK = 4
READY_CALLBACK = 5
READY_CANCEL = 6
TIMER = 7
TIMER_CANCEL = 8
STEP = 9
TASK_CREATE = 10
TASK_SUSPEND = 11
TASK_CANCEL = 12
TASK_END_RESULT = 13
TASK_END_CANCELLED = 14
TASK_END_EXCEPTION = 15
LOOP_BLOCKED = 16
OUTPUT = 17
WARNING = 18
ERROR = 19
LIMIT = 20
THREAD_START = 21
THREAD_END = 22
NET_LISTEN = 23
NET_CONNECT = 24
NET_REFUSED = 25
NET_SEND = 26
NET_RECV = 27
NET_CLOSE = 28
NET_SERVER_CLOSE = 29

# Per code, in code order: the event's type, the fields the code itself
# fixes, and the fields that follow the code.
LAYOUTS: tuple[tuple[str, dict, tuple[str, ...]], ...] = (
    ("run.start", {}, ("version", "file", "python", "traced")),
    ("run.end", {}, ("outcome", "exitCode", "virtualTime", "wallMs", "events")),
    ("loop.create", {}, ("loop", "t")),
    ("iteration", {}, ("n", "t", "due?")),
    ("ready", {}, ("h", "task", "by")),
    ("ready", {}, ("h", "callback", "by", "internal?")),
    ("ready.cancel", {}, ("h",)),
    ("timer", {}, ("h", "when", "callback", "by", "task?", "internal?")),
    ("timer.cancel", {}, ("h",)),
    ("step", {}, ("h", "cpu")),
    ("task.create", {}, ("task", "name", "coro", "parent", "line", "api", "by", "internal")),
    ("task.suspend", {}, ("h", "task", "reason", "chain", "cpu")),
    ("task.cancel", {}, ("task", "by", "byTask", "msg")),
    ("task.end", {"outcome": "result"}, ("h", "task", "cpu", "repr")),
    ("task.end", {"outcome": "cancelled"}, ("h", "task", "cpu")),
    ("task.end", {"outcome": "exception"}, ("h", "task", "cpu", "error", "message", "line")),
    ("loop.blocked", {}, ("task", "h", "line", "duration", "t")),
    ("output", {}, ("stream", "text", "task", "thread", "chain", "t")),
    ("warning", {}, ("category", "message", "line", "task", "t")),
    ("error", {}, ("error", "message", "line", "task", "t")),
    ("limit", {}, ("kind", "message", "t")),
    ("thread.start", {}, ("thread", "worker", "fn", "start", "task", "line")),
    ("thread.end", {}, ("thread", "end", "cpu", "error")),
    ("net.listen", {}, ("port", "host", "task", "by")),
    ("net.connect", {}, ("conn", "from", "to", "task", "by")),
    ("net.refused", {}, ("to", "task", "by")),
    ("net.send", {}, ("conn", "side", "bytes", "preview", "task", "by")),
    ("net.recv", {}, ("conn", "side", "bytes", "task", "by")),
    ("net.close", {}, ("conn", "side", "how", "reset", "task", "by")),
    ("net.server.close", {}, ("port", "host", "task", "by")),
)

REASON = ("kind", "until?", "task?", "tasks?", "left?", "name?", "deadline?")
# Where a reason's name and deadline go, for a reason that has them.
REASON_NAME = 5
REASON_DEADLINE = 6

# Where an output event's fields are, for joining a flood's writes.
OUTPUT_TEXT = 2


def as_event(wire) -> dict:
    """An event as docs/trace-format.md names its fields (a lesson's check reads these)."""
    event_type, fixed, layout = LAYOUTS[wire[0]]
    event = {"type": event_type, **fixed, **_fields(layout, wire[1:])}
    if "reason" in event:
        event["reason"] = as_reason(event["reason"])
    if "chain" in event:
        event["chain"] = [{"fn": fn, "line": line} for fn, line in event["chain"]]
    return event


def as_reason(reason) -> dict:
    """A wait reason as docs/trace-format.md names its fields."""
    return _fields(REASON, reason)


def _fields(layout: tuple[str, ...], values) -> dict:
    fields = {}
    for name, value in zip(layout, values):
        if value is not None or not name.endswith("?"):
            fields[name.rstrip("?")] = value
    return fields
