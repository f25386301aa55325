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


def _refuse_audit_hooks(event: str, _args, _refused=RuntimeError) -> None:
    # CPython asks the hooks already there before adding one, and drops the
    # new hook when one of them raises a RuntimeError.
    if event == "sys.addaudithook":
        raise _refused("audit hooks are the host's")


def _same(now, then) -> bool:
    # The import machinery's lists are compared item by item, the rest by identity.
    if isinstance(then, tuple) and isinstance(now, tuple):
        return len(now) == len(then) and all(a is b for a, b in zip(now, then))
    return now is then


def baseline():
    """Records the interpreter as it is now; returns a function naming what has changed since.

    Also refuses audit hooks from now on: a program's hook would outlive its
    run, see every later program's text (the `compile` and `exec` events) and
    could change what they do, and no hook can ever be removed. The refusing
    hook's own code is part of what is recorded.
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
