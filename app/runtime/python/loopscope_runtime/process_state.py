"""The process-wide settings a program can change, kept from one run to the next.

patches.py puts back the modules the runtime patches and what a program may
change in them. A program can also change the process itself: environment
variables, the working directory, the umask, `sys.path`, interpreter
settings and hooks, the sockets' default timeout, the files it writes, and
the loggers of `logging` (asyncio imports it before any run): one that called
`logging.basicConfig()` left the root logger writing to its own, finished,
stderr, so the next program's `basicConfig()` did nothing and its log lines
vanished. And the modules it imports stay loaded, so the packages a run
imported for the first time are forgotten afterwards, and the next program
that imports them gets them fresh, as a new process would.

Packages loaded before the run keep the submodules a run adds to them: their
parents hold those submodules as attributes, and a second copy beside the
first would not be the same module.
"""

import logging
import os
import shutil
import socket
import sys

# Hooks a program may replace; the interpreter calls them for later runs too.
_SYS_HOOKS = ("excepthook", "displayhook", "breakpointhook")
# Where a program may write files: the working directory, which is on
# `sys.path` (a module written there would be imported by the next program in
# place of the library's), and the temporary folder. What a run adds there is
# removed after it; the library's and the runtime's folders are read-only
# (guard.py).
_SCRATCH_FOLDERS = ("/home/pyodide", "/tmp")


def _listing(folder: str) -> set[str]:
    try:
        return set(os.listdir(folder))
    except OSError:
        # The program removed or replaced it: the next one gets it empty.
        _remove(folder)
        os.makedirs(folder, exist_ok=True)
        return set()


def _remove(path: str) -> None:
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            os.remove(path)
        except OSError:
            pass  # gone already


def _top_level(name: str) -> str:
    return name.partition(".")[0]


class ProcessState:
    """What the process is like now; `restore()` makes it so again."""

    def __init__(self) -> None:
        self._environ = dict(os.environ)
        self._cwd = os.getcwd()
        self._umask = os.umask(0o022)
        os.umask(self._umask)
        self._path = sys.path
        self._path_items = list(sys.path)
        self._int_max_str_digits = sys.get_int_max_str_digits()
        self._switch_interval = sys.getswitchinterval()
        self._dont_write_bytecode = sys.dont_write_bytecode
        self._socket_timeout = socket.getdefaulttimeout()
        self._hooks = {name: getattr(sys, name) for name in _SYS_HOOKS}
        self._packages = {_top_level(name) for name in sys.modules}
        self._loggers = _LoggingState()
        self._files = {folder: _listing(folder) for folder in _SCRATCH_FOLDERS}

    def restore(self) -> None:
        if dict(os.environ) != self._environ:
            os.environ.clear()
            os.environ.update(self._environ)
        try:
            os.chdir(self._cwd)
        except OSError:
            # The program removed it; the next one starts at the root instead.
            os.chdir("/")
        os.umask(self._umask)
        sys.path = self._path
        self._path[:] = self._path_items
        sys.set_int_max_str_digits(self._int_max_str_digits)
        sys.setswitchinterval(self._switch_interval)
        sys.dont_write_bytecode = self._dont_write_bytecode
        socket.setdefaulttimeout(self._socket_timeout)
        for name, hook in self._hooks.items():
            setattr(sys, name, hook)
        self._loggers.restore()
        for folder, names in self._files.items():
            for name in _listing(folder) - names:
                _remove(os.path.join(folder, name))
        for name in [name for name in sys.modules if _top_level(name) not in self._packages]:
            del sys.modules[name]


class _LoggingState:
    """The loggers that exist now, each as it is configured now."""

    def __init__(self) -> None:
        manager = logging.Logger.manager
        self._disable = manager.disable
        self._raise_exceptions = logging.raiseExceptions
        self._known = dict(manager.loggerDict)
        loggers = [logging.root, *(v for v in self._known.values() if isinstance(v, logging.Logger))]
        self._settings = [
            (logger, logger.level, logger.handlers[:], logger.filters[:], logger.propagate, logger.disabled)
            for logger in loggers
        ]

    def restore(self) -> None:
        manager = logging.Logger.manager
        manager.disable = self._disable
        logging.raiseExceptions = self._raise_exceptions
        manager.loggerDict.clear()
        manager.loggerDict.update(self._known)
        for logger, level, handlers, filters, propagate, disabled in self._settings:
            logger.level = level
            logger.handlers[:] = handlers
            logger.filters[:] = filters
            logger.propagate = propagate
            logger.disabled = disabled
        manager._clear_cache()
