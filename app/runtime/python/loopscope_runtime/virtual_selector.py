"""When socket callbacks run: the loop's select() for the in-memory network.

How many loop iterations things take. On CPython a loopback send lands in the
peer's kernel buffer at once, and the peer's loop sees it at its next select():
the read callback runs in the next iteration, after everything that was already
ready. Here each socket event (data, end of file, reset, a connection to accept,
a finished connect) is delivered by a timer due `latency` seconds later. With
the default latency of 0 that timer is due now, and the loop moves due timers
to the end of the ready queue at the start of its next iteration: where CPython
appends its I/O callbacks (`call_soon` would run them in that iteration too,
but ahead of callbacks queued after the send). One timer (`network_poll`)
serves every socket of a loop that is due at the same time and runs their
callbacks in the order epoll would report them. A poll reports only what was
ready when its iteration began, as select() does, and a socket still readable
after its callback is reported again by the next poll (level-triggered). So the
hops match CPython's: a write is read one iteration later, the end of file
after the last data one iteration after that, the connect callback (success or
ConnectionRefusedError) runs one iteration after the connect call, and a server
accepts in that same iteration, in a task of its own as on CPython. With a
latency, every delivery, connect and end of connection arrives that many
virtual seconds later.
"""

import heapq
import itertools
import selectors
from asyncio import base_events, events, selector_events
from typing import TYPE_CHECKING, Any

from .virtual_socket import CLOSED, VirtualSocket

if TYPE_CHECKING:
    from .run_state import RunState

    _LoopBase = base_events.BaseEventLoop
else:
    _LoopBase = object

# Typed loosely: typeshed does not list the selector loop's private methods.
_Selector: Any = selector_events.BaseSelectorEventLoop


class VirtualSelector(selectors._BaseSelectorImpl):
    """The loop's selector: remembers who waits on which socket.

    Nothing polls it: the network tells the loop when a socket changes, and
    registering interest in a socket that is ready already counts as a change.
    """

    def __init__(self, loop) -> None:
        super().__init__()
        self._loop = loop

    def register(self, fileobj, events, data=None):
        key = super().register(fileobj, events, data)
        self._interest(key)
        return key

    def modify(self, fileobj, events, data=None):
        key = super().modify(fileobj, events, data)
        self._interest(key)
        return key

    def select(self, timeout=None):
        return []

    def _interest(self, key) -> None:
        sock = self._loop._run.network.socket(key.fd)
        if sock is None:
            return
        if (key.events & selectors.EVENT_READ and sock.readable()) or (
            key.events & selectors.EVENT_WRITE and sock.writable()
        ):
            self._loop._net_signal(sock)


def network_poll(loop, due: float) -> None:
    """The loop's select(): runs the callbacks of sockets whose state changed."""
    loop._net_poll(due)


class VirtualSelectorMixin(_LoopBase):
    """The loop's side of the selector: socket events waiting for a poll, and the polls."""

    _run: "RunState"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._selector = VirtualSelector(self)
        # Socket events no poll has seen: (due, order, iteration, entry).
        # An entry is (socket, kind, payload, sender) for something arriving
        # later, or (socket,) for a socket whose state changed.
        self._net_pending: list[tuple[float, int, int, tuple]] = []
        self._net_order = itertools.count()
        self._net_timers: dict[float, events.TimerHandle] = {}
        self._net_polled: dict[VirtualSocket, None] | None = None

    # -- CPython's selector loop, unchanged ---------------------------------------
    # These only touch the selector and the socket.

    _add_reader = _Selector._add_reader
    _remove_reader = _Selector._remove_reader
    _add_writer = _Selector._add_writer
    _remove_writer = _Selector._remove_writer

    # -- the network's side of the loop -------------------------------------------

    def _net_add(self, due: float, entry: tuple, order: int | None = None) -> None:
        """Queues a socket event for the first poll at or after `due`."""
        if order is None:
            order = next(self._net_order)
        heapq.heappush(self._net_pending, (due, order, self._run.iteration, entry))
        timer = self._net_timers.get(due)
        # A timer already taken off the heap runs this iteration: too early.
        if timer is None or not timer._scheduled:
            self._net_timers[due] = self.call_at(due, network_poll, self, due)

    def _net_signal(self, sock: VirtualSocket) -> None:
        """A socket's state changed: its callbacks run at the next poll."""
        if self.is_closed():
            return
        polled = self._net_polled
        if polled is not None:  # arriving during a poll: that poll sees it
            polled[sock] = None
        else:
            self._net_add(self.time(), (sock,))

    def _net_iteration(self) -> int:
        """The iteration a socket change counts in: the previous one for a poll's arrivals."""
        iteration = self._run.iteration
        return iteration - 1 if self._net_polled is not None else iteration

    def _net_poll(self, due: float) -> None:
        timer = self._net_timers.get(due)
        if timer is not None and not timer._scheduled:
            del self._net_timers[due]
        pending = self._net_pending
        iteration = self._run.iteration
        resolution = self._clock_resolution  # pyright: ignore[reportAttributeAccessIssue]
        horizon = self.time() + resolution
        later = []
        polled: dict[VirtualSocket, None] = {}
        self._net_polled = polled
        try:
            while pending and pending[0][0] < horizon:
                item = heapq.heappop(pending)
                if item[2] >= iteration:
                    later.append(item)  # happened after this iteration's select()
                    continue
                entry = item[3]
                if len(entry) == 1:
                    polled[entry[0]] = None
                else:
                    sock, kind, payload, sender = entry
                    sock.arrive(kind, payload, sender)
        finally:
            self._net_polled = None
        for item in later:
            self._net_add(item[0], item[3], item[1])

        # What select() would report, then the callbacks, as _process_events runs them.
        selector = self._selector
        fd_map = selector.get_map()
        handles = []
        # epoll puts a level-triggered socket it reports back at the end of its
        # ready list at once: a place in the next poll, kept if still readable.
        reported: dict[VirtualSocket, int] = {}
        for sock in polled:
            key = fd_map.get(sock.fileno()) if sock.state != CLOSED else None
            if key is None:
                continue
            reader, writer = key.data
            if (
                key.events & selectors.EVENT_READ
                and reader is not None
                and sock.readable()
                and sock.readable_since < iteration
            ):
                reported[sock] = next(self._net_order)
                if reader._cancelled:
                    self._remove_reader(key.fd)
                else:
                    handles.append(reader)
            if key.events & selectors.EVENT_WRITE and writer is not None and sock.writable():
                if writer._cancelled:
                    self._remove_writer(key.fd)
                else:
                    handles.append(writer)
        for handle in handles:
            if not handle._cancelled:
                handle._run()
        # CPython runs these from its ready queue, holding none once run
        # (`handle = None` in _run_once): a callback's failure has a traceback
        # that reaches this frame, which must not keep transports and protocols.
        handles = handle = None
        for sock, order in reported.items():
            if sock.state != CLOSED and sock.readable():
                key = fd_map.get(sock.fileno())
                if key is not None and key.events & selectors.EVENT_READ:
                    self._net_add(self.time(), (sock,), order)

    def _net_close(self) -> None:
        """Drops the socket events of a closed loop, and its selector."""
        self._net_pending.clear()
        self._net_timers.clear()
        self._selector.close()
