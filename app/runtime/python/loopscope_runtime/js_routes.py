"""Python's ways to JavaScript, closed once by a host before any program runs.

Pyodide gives Python the host's global scope as `js` and its own API object
as `pyodide_js` (which loads packages from any URL and mounts host folders);
`pyodide.code.run_js`, `pyodide.http` and `pyodide.ffi.wrappers` reach them
by importing `js`. The host unregisters both modules from Pyodide's import
hook; this drops the copies Python has already imported.
"""

import importlib
import sys


def close_routes_to_javascript() -> None:
    for name in [n for n in sys.modules if n == "js" or n.startswith("pyodide_js")]:
        del sys.modules[name]
    # Pyodide's own event loop keeps the API's `scheduleCallback`, through
    # which a program could run Python later, between runs (a JS timer).
    # Loopscope's loop never uses it.
    webloop = importlib.import_module("pyodide.webloop")
    setattr(webloop, "scheduleCallback", None)
