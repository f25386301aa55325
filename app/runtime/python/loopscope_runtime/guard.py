"""What a program may not do even to the interpreter it runs in.

Every run gets a fresh interpreter (both hosts throw the one that ran a
program away), so what a program changes dies with its run. Two things are
refused all the same, by an audit hook installed before the first program:
adding audit hooks (one would see and could change everything the runtime
does after the program, its report of the run included, and no hook can
ever be removed), and writing where Python's library and the runtime are
imported from (a module the runtime imports later would be the program's).
"""

import errno
import os
import sys

# Where Python's library and the runtime are imported from.
_READ_ONLY = ("/lib", "/home/pyodide/loopscope")
# Audit events that create, change or remove a file, and which of their
# arguments are the paths changed (`os.symlink` creates only its second).
# Those that act on a link itself, not on what it points to, are in _ENTRY_EVENTS.
_FILE_CHANGES = {
    "os.remove": (0,),
    "os.rmdir": (0,),
    "os.mkdir": (0,),
    "os.chmod": (0,),
    "os.chown": (0,),
    "os.truncate": (0,),
    "os.utime": (0,),
    "os.rename": (0, 1),
    "os.link": (0, 1),
    "os.symlink": (1,),
}
_ENTRY_EVENTS = frozenset({"os.remove", "os.rmdir", "os.mkdir", "os.rename", "os.link", "os.symlink"})
# Every event the hook acts on. CPython calls the hook for every audited
# event (`sys._getframe` on every print, for one), so the others leave at once.
_WATCHED_EVENTS = frozenset({"sys.addaudithook", "open", *_FILE_CHANGES})
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _read_only(path, entry: bool, roots=_READ_ONLY) -> bool:
    """Whether `path` is in a read-only folder; `entry`: the path's own link, not its target."""
    if isinstance(path, int):
        return False  # an open file: checked when it was opened
    path = os.path.abspath(os.fsdecode(path))
    if entry:
        head, name = os.path.split(path)
        real = os.path.join(os.path.realpath(head), name)
    else:
        real = os.path.realpath(path)
    return any(real == root or real.startswith(root + "/") for root in roots)


def _writes(mode, flags: int) -> bool:
    if isinstance(mode, str):
        return any(letter in mode for letter in "wax+")
    return bool(flags & _WRITE_FLAGS)


def _refuse_audit_hooks(
    event: str,
    args,
    _refused=RuntimeError,
    _watched=_WATCHED_EVENTS,
    _changes=_FILE_CHANGES,
    _entry_events=_ENTRY_EVENTS,
    _read_only=_read_only,
    _writes=_writes,
) -> None:
    if event not in _watched:
        return
    # CPython asks the hooks already there before adding one, and drops the
    # new hook when one of them raises a RuntimeError.
    if event == "sys.addaudithook":
        raise _refused("audit hooks are the host's")
    if event == "open":
        changed = (args[0],) if _writes(args[1], args[2]) else ()
    else:
        changed = [args[index] for index in _changes[event]]
    for path in changed:
        if _read_only(path, event in _entry_events):
            raise PermissionError(
                errno.EACCES, "Python's library and Loopscope's files are read-only", path
            )


def install() -> None:
    """Refuses audit hooks and writes to the library from now on, in this interpreter."""
    sys.addaudithook(_refuse_audit_hooks)
