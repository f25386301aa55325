"""Making a stop stick when the learner's code catches it.

A limit raises `RunStopped`, which `except Exception` cannot catch, but
`except BaseException:` (or a bare `except:`) can, and a busy loop around it
would keep the run going forever. Once a run is stopped, every line and
backward jump in the learner's code raises the stop again: raised inside an
`except` block it escapes that block, so the program unwinds for good.
"""

import sys

_monitoring = sys.monitoring
_TOOL_ID = 4  # ids 0-2 and 5 are assigned to debuggers, coverage, profilers, optimizers
_EVENTS = _monitoring.events.LINE | _monitoring.events.JUMP


class StopEnforcer:
    """Raises a stop at every line of one file's code while active."""

    def __init__(self, filename: str) -> None:
        self._filename = filename
        self._active = False

    def start(self, stop: BaseException) -> None:
        if self._active or _monitoring.get_tool(_TOOL_ID) is not None:
            return
        filename = self._filename
        disable = _monitoring.DISABLE

        def on_line(code, *_location):
            if code.co_filename != filename:
                return disable
            raise stop

        _monitoring.use_tool_id(_TOOL_ID, "loopscope-stop")
        _monitoring.register_callback(_TOOL_ID, _monitoring.events.LINE, on_line)
        _monitoring.register_callback(_TOOL_ID, _monitoring.events.JUMP, on_line)
        _monitoring.set_events(_TOOL_ID, _EVENTS)
        self._active = True

    def finish(self) -> None:
        if not self._active:
            return
        _monitoring.set_events(_TOOL_ID, 0)
        _monitoring.register_callback(_TOOL_ID, _monitoring.events.LINE, None)
        _monitoring.register_callback(_TOOL_ID, _monitoring.events.JUMP, None)
        _monitoring.free_tool_id(_TOOL_ID)
        self._active = False
