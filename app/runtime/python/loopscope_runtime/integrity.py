"""Whether a run left the interpreter as it found it.

A program can reassign any module's functions or any class's methods (the
runtime's own included) and so make the next program's run lie. The runtime
restores what it patches itself (patches.py); this notices the rest, so that
a host can throw the interpreter away instead of reusing it.

It compares identities, not values: every callable, class and module held by
a module loaded before the first run, and every function-like attribute of
the classes those modules define. It is a detector of monkeypatching, not a
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
    module = modules.get(key[0])
    if module is None:
        return None
    value = vars(module).get(key[1])
    if len(key) == 3:
        return vars(value).get(key[2]) if isinstance(value, type) else None
    return value


def baseline():
    """Records the interpreter as it is now; returns a function naming what has changed since."""
    modules = sys.modules
    recorded = _entries(modules)

    def changed() -> list:
        return [".".join(key) for key, value in recorded.items() if _current(key, modules) is not value]

    return changed
