"""Whether a run left the interpreter as it found it.

A program can reassign any module's functions or any class's methods (the
runtime's own included) and so make the next program's run lie. The runtime
restores what it patches itself (patches.py); this notices the rest, so that
a host can throw the interpreter away instead of reusing it.

It compares identities, not values: every callable, class and module held by
a module loaded before the first run, every function-like attribute of the
classes those modules define, and the import machinery's hooks
(`sys.meta_path`, `sys.path_hooks`). It is a detector of monkeypatching, not a
security boundary: a program that digs the baseline out of memory can defeat
it. What keeps a program away from the host is the host (nodeSandboxWorker.ts).
"""

import errno
import os
import sys
import types

# Attributes that change on their own as the program imports or runs.
_SKIPPED_MODULES = frozenset({"__main__"})


def _watched(value) -> bool:
    return callable(value) or isinstance(value, types.ModuleType)


def _entries(modules: dict) -> dict:
    entries = {}
    for module_name, module in list(modules.items()):
        if module_name in _SKIPPED_MODULES or not isinstance(module, types.ModuleType):
            continue
        for name, value in list(vars(module).items()):
            if not _watched(value):
                continue
            entries[(module_name, name)] = value
            if isinstance(value, type) and getattr(value, "__module__", None) == module_name:
                for attribute, member in list(vars(value).items()):
                    if _watched(member) or isinstance(member, (staticmethod, classmethod, property)):
                        entries[(module_name, name, attribute)] = member
    return entries


def _current(key: tuple, modules: dict):
    if key == ("integrity", "audit hook code"):
        return _refuse_audit_hooks.__code__
    if key == ("integrity", "audit hook defaults"):
        return _refuse_audit_hooks.__defaults__
    if key in (("sys", "meta_path"), ("sys", "path_hooks")):
        return tuple(getattr(sys, key[1]))
    module = modules.get(key[0])
    if module is None:
        return None
    value = vars(module).get(key[1])
    if len(key) == 3:
        return vars(value).get(key[2]) if isinstance(value, type) else None
    return value


# Where Python's library and the runtime are imported from: a file a program
# wrote there would be imported by a later program.
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


def _same(now, then) -> bool:
    # The import machinery's lists are compared item by item, the rest by identity.
    if isinstance(then, tuple) and isinstance(now, tuple):
        return len(now) == len(then) and all(a is b for a, b in zip(now, then))
    return now is then


def baseline():
    """Records the interpreter as it is now; returns a function naming what has changed since.

    Also refuses audit hooks from now on: a program's hook would outlive its
    run, see every later program's text (the `compile` and `exec` events) and
    could change what they do, and no hook can ever be removed. The same hook
    refuses to write where Python's library and the runtime are imported
    from. Its own code and defaults are part of what is recorded.
    """
    sys.addaudithook(_refuse_audit_hooks)
    modules = sys.modules
    recorded = _entries(modules)
    recorded[("integrity", "audit hook code")] = _refuse_audit_hooks.__code__
    recorded[("integrity", "audit hook defaults")] = _refuse_audit_hooks.__defaults__
    recorded[("sys", "meta_path")] = tuple(sys.meta_path)
    recorded[("sys", "path_hooks")] = tuple(sys.path_hooks)

    def changed() -> list:
        return [".".join(key) for key, value in recorded.items() if not _same(_current(key, modules), value)]

    return changed
