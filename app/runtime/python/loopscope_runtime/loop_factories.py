"""Every standard way of asking for an event loop gives the traced one.

`asyncio.run`, `Runner` and `new_event_loop` ask the event-loop policy. A
program can also name the loop class itself (`asyncio.EventLoop`,
`asyncio.SelectorEventLoop`, as a `loop_factory` or to subclass) or the
default policy (`asyncio.DefaultEventLoopPolicy`, whose `_loop_factory` is the
selector loop). The stock selector loop cannot even be created in Pyodide
(its self-pipe needs `socket.socketpair()`, which fails with errno 28), so
during a run all of those names mean the traced loop and a policy that makes
it. patches.py puts the modules' dictionaries back after the run.

Event-loop policies are deprecated for removal in 3.16; this module is the
one place that relies on them.
"""

import asyncio
from asyncio import events, unix_events

from .loop import TracedEventLoop

# Bound before any run replaces the module's name with `_LoopPolicy`.
_StockDefaultPolicy = unix_events._UnixDefaultEventLoopPolicy


class _LoopPolicy(_StockDefaultPolicy):
    """The default policy, making traced loops.

    A subclass of the stock one, so that `isinstance(policy,
    asyncio.DefaultEventLoopPolicy)` stays true and a program's own subclass
    of `DefaultEventLoopPolicy` inherits the traced loop.
    """

    _loop_factory = TracedEventLoop


def loop_patches() -> dict[tuple[object, str], object]:
    """The names of the stock loop and default policy, and what they mean during a run.

    `asyncio.EventLoop is asyncio.SelectorEventLoop` on Unix, and stays so.
    A program's subclass of either is a subclass of the traced loop: it runs,
    and is traced, as long as it overrides public methods and calls `super()`.
    """
    return {
        (asyncio, "EventLoop"): TracedEventLoop,
        (asyncio, "SelectorEventLoop"): TracedEventLoop,
        (unix_events, "EventLoop"): TracedEventLoop,
        (unix_events, "SelectorEventLoop"): TracedEventLoop,
        (unix_events, "_UnixSelectorEventLoop"): TracedEventLoop,
        # `asyncio.DefaultEventLoopPolicy` and asyncio's own first policy
        # (events._init_event_loop_policy) are read from this name.
        (unix_events, "_DefaultEventLoopPolicy"): _LoopPolicy,
        (unix_events, "_UnixDefaultEventLoopPolicy"): _LoopPolicy,
    }


def install_policy():
    """Makes asyncio.run, Runner, new_event_loop and get_event_loop use the traced loop.

    Returns what `restore_policy` needs.
    """
    previous_policy = events._get_event_loop_policy()
    previous_running = events._get_running_loop()
    # Pyodide's own loop (WebLoop) counts as running all the time.
    events._set_running_loop(None)
    events._set_event_loop_policy(_LoopPolicy())
    return previous_policy, previous_running


def restore_policy(saved) -> None:
    previous_policy, previous_running = saved
    events._set_event_loop_policy(previous_policy)
    events._set_running_loop(previous_running)
