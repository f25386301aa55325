"""An in-memory TCP network, so servers and clients run without real sockets.

Pyodide has no sockets. The traced loop gets `create_server` and
`create_connection` from `VirtualNetworkMixin`, and everything above the socket
stays CPython's own code: `Server`, `_SelectorSocketTransport`, the accept and
connect machinery of the selector loop, and streams. Only the socket
(`VirtualSocket`) and the selector (`VirtualSelector`) are stand-ins, so
transports buffer, close, pause, log and fail exactly as they do on CPython.

One `VirtualNetwork` per run is the whole machine: its ports, file descriptors
and connections. All loops of a run share it; it goes away with the run.
Port 0, and the local port of every client, is the next free port counting up
from 49152, and descriptors are the lowest free from 6 (after the loop's own
three), so traces and printed addresses are the same on every run.

The rest of the network, one module each:
- `network_addresses`: hosts, ports and `getaddrinfo`, as on Linux;
- `network_errors`: Linux's errno numbers and messages, and `errno_patches`;
- `virtual_socket`: `VirtualSocket`, and what travels between sockets;
- `virtual_selector`: `VirtualSelector` and `network_poll`, which decide in
  which loop iteration socket callbacks run.

What differs from a real network: sends never block (kernel buffers are
unlimited, so `drain()` returns at once and `get_write_buffer_size()` stays 0),
there is no TLS, no UDP and no Unix sockets, existing sockets (`sock=`) cannot
be passed in, and hosts other than this machine do not exist.
"""

import functools
import heapq
import itertools
import socket
import weakref
from asyncio import base_events, selector_events, tasks
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from . import wire
from .network_addresses import WILDCARD, getaddrinfo, literal_address_info, parse_ip, sockaddr
from .network_errors import EADDRINUSE, EADDRNOTAVAIL, EAI_NONAME, os_error
from .network_errors import errno_patches as errno_patches  # re-exported for patches.py
from .trace import safe_repr
from .virtual_selector import VirtualSelectorMixin
from .virtual_socket import (
    CONNECTED,
    LISTENING,
    PACKET_DATA,
    PACKET_ESTABLISHED,
    PACKET_FIN,
    PACKET_REFUSED,
    PACKET_RST,
    PACKET_SYN,
    VirtualSocket,
)

if TYPE_CHECKING:
    from .run_state import RunState

_NO_TLS = "Loopscope's in-memory network has no TLS: ssl= is not supported"
_NO_SOCK = (
    "Loopscope's in-memory network cannot use an existing socket (sock=): "
    "pass host and port instead"
)

FIRST_FD = 6
FIRST_EPHEMERAL_PORT = 49152
PREVIEW_BYTES = 40


class VirtualNetwork:
    """The in-memory machine of one run: its ports, descriptors and connections."""

    def __init__(self, run: "RunState", latency: float = 0.0) -> None:
        self.run = run
        # Seconds each packet travels; NaN and negative values mean 0.
        self.latency = latency if latency > 0 else 0.0
        # (family, port) -> the sockets bound to it.
        self._ports: dict[tuple[int, int], list[VirtualSocket]] = {}
        self._next_port = FIRST_EPHEMERAL_PORT
        self._fds: dict[int, VirtualSocket] = {}
        self._free_fds: list[int] = []
        self._next_fd = FIRST_FD
        # Every socket not yet closed, in creation order (for closing a loop).
        self._open: dict[VirtualSocket, None] = {}
        self.connections = 0

    # -- descriptors and ports -------------------------------------------------

    def open_fd(self, sock: VirtualSocket) -> int:
        """The lowest free descriptor, as the kernel gives."""
        if self._free_fds:
            fd = heapq.heappop(self._free_fds)
        else:
            fd = self._next_fd
            self._next_fd += 1
        self._fds[fd] = sock
        return fd

    def track(self, sock: VirtualSocket) -> None:
        self._open[sock] = None

    def socket(self, fd: int) -> VirtualSocket | None:
        return self._fds.get(fd)

    def bind(self, sock: VirtualSocket, address) -> None:
        host, port = address[0], address[1]
        if not isinstance(port, int) or not 0 <= port <= 65535:
            raise OverflowError("bind(): port must be 0-65535.")
        ip = parse_ip(host)
        if ip is None or (ip.version == 6) != (sock.family == socket.AF_INET6):
            raise socket.gaierror(EAI_NONAME, "Name or service not known")
        if not (ip.is_loopback or ip.is_unspecified):
            raise os_error(EADDRNOTAVAIL)
        host = str(ip)
        family = sock.family
        if port == 0:
            port = self._free_port(family)
        else:
            for other in self._ports.get((family, port), ()):
                # Connected clients hold their ports without blocking servers (SO_REUSEADDR).
                if other.side == "" and (
                    other.laddr is None
                    or host == other.laddr[0]
                    or ip.is_unspecified
                    or other.laddr[0] == WILDCARD[family]
                ):
                    raise os_error(EADDRINUSE)
        sock.laddr = sockaddr(family, host, port)
        self._ports.setdefault((family, port), []).append(sock)

    def _free_port(self, family: int) -> int:
        port = self._next_port
        while (family, port) in self._ports:
            port = port + 1 if port < 65535 else FIRST_EPHEMERAL_PORT
        self._next_port = port + 1 if port < 65535 else FIRST_EPHEMERAL_PORT
        return port

    def release(self, sock: VirtualSocket) -> None:
        """Frees a closing socket's descriptor and port."""
        self._open.pop(sock, None)
        fd = sock._fd
        if fd >= 0 and self._fds.get(fd) is sock:
            del self._fds[fd]
            heapq.heappush(self._free_fds, fd)
        sock._fd = -1
        if sock.laddr is not None:
            key = (sock.family, sock.laddr[1])
            bound = self._ports.get(key)
            if bound is not None and sock in bound:
                bound.remove(sock)
                if not bound:
                    del self._ports[key]

    def close_loop(self, loop) -> None:
        """Closes what a closing loop leaves open, as the end of a process would."""
        for sock in [sock for sock in self._open if sock.loop is loop]:
            sock.close()

    # -- connections -------------------------------------------------------------

    def listening(self, sock: VirtualSocket) -> None:
        assert sock.laddr is not None
        if self.run.tracer.enabled:
            self._emit(wire.NET_LISTEN, sock.laddr[1], sock.laddr[0])

    def stopped_listening(self, sock: VirtualSocket) -> None:
        assert sock.laddr is not None
        if self.run.tracer.enabled:
            host, port = sock.laddr[0], sock.laddr[1]
            self._emit(wire.NET_SERVER_CLOSE, port, host)

    def _listener(self, family: int, host: str, port: int) -> VirtualSocket | None:
        for sock in self._ports.get((family, port), ()):
            if sock.state == LISTENING and sock.laddr is not None:
                if sock.laddr[0] == host or sock.laddr[0] == WILDCARD[family]:
                    return sock
        return None

    def connect(self, client: VirtualSocket) -> None:
        """The handshake: the listener's backlog gains the connection, the client learns."""
        assert client.raddr is not None and client.laddr is not None
        host, port = client.raddr[0], client.raddr[1]
        listener = self._listener(client.family, host, port)
        tracing = self.run.tracer.enabled
        if listener is None:
            if tracing:
                self._emit(wire.NET_REFUSED, [host, port])
            self.transmit(None, client, PACKET_REFUSED)
            return
        self.connections += 1
        server = VirtualSocket(listener.loop, client.family, client.type, client.proto, fd=False)
        server.state = CONNECTED
        server.laddr, server.raddr = client.raddr, client.laddr
        server.peer, client.peer = client, server
        server.conn = client.conn = self.connections
        server.side, client.side = "server", "client"
        if tracing:
            self._emit(wire.NET_CONNECT, client.conn, [client.laddr[0], client.laddr[1]], [host, port])
        # epoll reports the listener first: its callback was registered first.
        self.transmit(client, listener, PACKET_SYN, server)
        self.transmit(server, client, PACKET_ESTABLISHED)

    def send(self, sock: VirtualSocket, data: bytes) -> None:
        if self.run.tracer.enabled:
            self._emit(wire.NET_SEND, sock.conn, sock.side, len(data), safe_repr(data[:PREVIEW_BYTES]))
        assert sock.peer is not None
        self.transmit(sock, sock.peer, PACKET_DATA, data)

    def received(self, sock: VirtualSocket, count: int) -> None:
        if self.run.tracer.enabled:
            self._emit(wire.NET_RECV, sock.conn, sock.side, count)

    def ended(self, sock: VirtualSocket, how: str, reset: bool, send: bool) -> None:
        """One end of a connection closes or stops writing: the peer gets FIN or RST."""
        if self.run.tracer.enabled:
            self._emit(wire.NET_CLOSE, sock.conn, sock.side, how, reset)
        if send and sock.peer is not None:
            self.transmit(sock, sock.peer, PACKET_RST if reset else PACKET_FIN)

    def transmit(self, sender: VirtualSocket | None, to: VirtualSocket, kind: str, payload=None):
        """Delivers to `to` after the latency; with none, at once, as loopback does."""
        if self.latency == 0:
            to.arrive(kind, payload, sender)
            return
        loop = to.loop
        if loop.is_closed():
            return
        loop._net_add(self.run.clock.now + self.latency, (to, kind, payload, sender))

    def _emit(self, *fields) -> None:
        """Records a network event: its code and fields, then the task acting and the running handle."""
        run = self.run
        run.tracer.emit((*fields, run.current_task or None, run.current_h or None))


# Typed loosely: typeshed does not list the selector loop's private methods.
_Selector: Any = selector_events.BaseSelectorEventLoop
_SocketTransport: Any = getattr(selector_events, "_SelectorSocketTransport")


class VirtualNetworkMixin(VirtualSelectorMixin):
    """Servers and connections on the run's in-memory network, for the traced loop."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._transports = weakref.WeakValueDictionary()

    # -- CPython's selector loop, unchanged --------------------------------------
    # These only touch the selector, the socket and `_transports`: the selector
    # comes from `VirtualSelectorMixin`, the rest from here.

    _ensure_fd_no_transport = _Selector._ensure_fd_no_transport
    _start_serving = _Selector._start_serving
    _stop_serving = _Selector._stop_serving
    _accept_connection = _Selector._accept_connection
    _accept_connection2 = _Selector._accept_connection2

    def _make_socket_transport(self, sock, protocol, waiter=None, *, extra=None, server=None):
        if not isinstance(sock, VirtualSocket):
            raise NotImplementedError(_NO_SOCK)
        return _SocketTransport(self, sock, protocol, waiter, extra, server)

    def _make_ssl_transport(self, *args, **kwargs):
        raise NotImplementedError(_NO_TLS)

    # -- resolving ---------------------------------------------------------------

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        # CPython asks a worker thread; so does this, a simulated one.
        return await self.run_in_executor(None, getaddrinfo, host, port, family, type, proto, flags)

    async def _ensure_resolved(
        self, address, *, family=0, type=socket.SOCK_STREAM, proto=0, flags=0, loop
    ):
        host, port = address[:2]
        info = literal_address_info(host, port, family, type, proto, *address[2:])
        if info is not None:
            return [info]
        return await loop.getaddrinfo(
            host, port, family=family, type=type, proto=proto, flags=flags
        )

    # -- servers -------------------------------------------------------------------

    async def create_server(
        self,
        protocol_factory,
        host=None,
        port=None,
        *,
        family=socket.AF_UNSPEC,
        flags=socket.AI_PASSIVE,
        sock=None,
        backlog=100,
        ssl=None,
        reuse_address=None,
        reuse_port=None,
        keep_alive=None,
        ssl_handshake_timeout=None,
        ssl_shutdown_timeout=None,
        start_serving=True,
    ):
        """CPython's `BaseEventLoop.create_server` with in-memory sockets.

        reuse_address, reuse_port and keep_alive change nothing in memory.
        """
        if isinstance(ssl, bool):
            raise TypeError("ssl argument must be an SSLContext or None")
        if ssl is not None:
            raise NotImplementedError(_NO_TLS)
        if ssl_handshake_timeout is not None:
            raise ValueError("ssl_handshake_timeout is only meaningful with ssl")
        if ssl_shutdown_timeout is not None:
            raise ValueError("ssl_shutdown_timeout is only meaningful with ssl")
        if sock is not None:
            if host is not None or port is not None:
                raise ValueError("host/port and sock can not be specified at the same time")
            raise NotImplementedError(_NO_SOCK)
        if host is None and port is None:
            raise ValueError("Neither host/port nor sock were specified")

        if host == "":
            hosts = [None]
        elif isinstance(host, str) or not isinstance(host, Iterable):
            hosts = [host]
        else:
            hosts = host
        fs = [
            self._create_server_getaddrinfo(  # pyright: ignore[reportAttributeAccessIssue]
                host, port, family=family, flags=flags
            )
            for host in hosts
        ]
        found = await tasks.gather(*fs)
        # CPython deduplicates through a set, whose order changes between
        # processes; keep getaddrinfo's order so every run prints the same.
        infos = list(dict.fromkeys(itertools.chain.from_iterable(found)))

        sockets = []
        completed = False
        try:
            for af, socktype, proto, _canonname, sa in infos:
                sock = VirtualSocket(self, af, socktype, proto)
                sockets.append(sock)
                try:
                    sock.bind(sa)
                except OSError as err:
                    if err.errno == EADDRNOTAVAIL:
                        # Assume the family is not enabled (bpo-30945)
                        sockets.pop()
                        sock.close()
                        continue
                    msg = "error while attempting to bind on address %r: %s" % (
                        sa,
                        str(err).lower(),
                    )
                    raise OSError(err.errno, msg) from None
            if not sockets:
                raise OSError(
                    "could not bind on any address out of %r" % ([info[4] for info in infos],)
                )
            completed = True
        finally:
            if not completed:
                for sock in sockets:
                    sock.close()

        server = base_events.Server(
            self,
            sockets,
            protocol_factory,
            ssl,
            backlog,
            ssl_handshake_timeout,
            ssl_shutdown_timeout,
        )
        if start_serving:
            server._start_serving()  # pyright: ignore[reportAttributeAccessIssue]
            # Skip one loop iteration so that all 'loop.add_reader'
            # go through.
            await tasks.sleep(0)
        return server

    # -- clients -------------------------------------------------------------------

    async def create_connection(
        self,
        protocol_factory,
        host=None,
        port=None,
        *,
        ssl=None,
        family=0,
        proto=0,
        flags=0,
        sock=None,
        local_addr=None,
        server_hostname=None,
        ssl_handshake_timeout=None,
        ssl_shutdown_timeout=None,
        happy_eyeballs_delay=None,
        interleave=None,
        all_errors=False,
    ):
        """CPython's own, over `_connect_sock` and `sock_connect` below."""
        if ssl:
            raise NotImplementedError(_NO_TLS)
        if sock is not None and not isinstance(sock, VirtualSocket):
            if host is not None or port is not None:
                raise ValueError("host/port and sock can not be specified at the same time")
            raise NotImplementedError(_NO_SOCK)
        # Any: typeshed's overloads forbid host, port and sock together, as a
        # learner's call would be rejected; the call passes them all through.
        create_connection: Any = super().create_connection
        return await create_connection(
            protocol_factory,
            host,
            port,
            ssl=ssl,
            family=family,
            proto=proto,
            flags=flags,
            sock=sock,
            local_addr=local_addr,
            server_hostname=server_hostname,
            ssl_handshake_timeout=ssl_handshake_timeout,
            ssl_shutdown_timeout=ssl_shutdown_timeout,
            happy_eyeballs_delay=happy_eyeballs_delay,
            interleave=interleave,
            all_errors=all_errors,
        )

    async def _connect_sock(self, exceptions, addr_info, local_addr_infos=None):
        """CPython's `BaseEventLoop._connect_sock` with an in-memory socket."""
        my_exceptions = []
        exceptions.append(my_exceptions)
        family, type_, proto, _, address = addr_info
        sock = None
        try:
            try:
                sock = VirtualSocket(self, family, type_, proto)
                if local_addr_infos is not None:
                    for lfamily, _, _, _, laddr in local_addr_infos:
                        # skip local addresses of different family
                        if lfamily != family:
                            continue
                        try:
                            sock.bind(laddr)
                            break
                        except OSError as exc:
                            msg = (
                                f"error while attempting to bind on "
                                f"address {laddr!r}: {str(exc).lower()}"
                            )
                            exc = OSError(exc.errno, msg)
                            my_exceptions.append(exc)
                    else:  # all bind attempts failed
                        if my_exceptions:
                            raise my_exceptions.pop()
                        else:
                            raise OSError(f"no matching local address with {family=} found")
                await self.sock_connect(sock, address)
                return sock
            except OSError as exc:
                my_exceptions.append(exc)
                raise
        except BaseException:
            if sock is not None:
                sock.close()
            raise
        finally:
            exceptions = my_exceptions = None

    async def sock_connect(self, sock: "VirtualSocket | socket.socket", address):
        """CPython's `BaseSelectorEventLoop.sock_connect`, for in-memory sockets only."""
        if not isinstance(sock, VirtualSocket):
            raise NotImplementedError(_NO_SOCK)
        resolved = await self._ensure_resolved(
            address, family=sock.family, type=sock.type, proto=sock.proto, loop=self
        )
        _, _, _, _, address = resolved[0]
        fut = self.create_future()
        self._sock_connect(fut, sock, address)
        try:
            return await fut
        finally:
            # Needed to break cycles when an exception occurs.
            fut = None

    def _sock_connect(self, fut, sock: VirtualSocket, address) -> None:
        fd = sock.fileno()
        try:
            sock.connect(address)
        except (BlockingIOError, InterruptedError):
            handle = self._add_writer(fd, self._sock_connect_cb, fut, sock, address)
            fut.add_done_callback(functools.partial(self._sock_write_done, fd, handle))
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)

    def _sock_write_done(self, fd: int, handle, fut) -> None:
        if not handle.cancelled():
            self._remove_writer(fd)

    def _sock_connect_cb(self, fut, sock: VirtualSocket, address) -> None:
        if fut.done():
            return
        error = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if error:
            # The message of CPython's _sock_connect_cb, with Linux's errno.
            fut.set_exception(os_error(error, f"Connect call failed {address}"))
        elif sock.state == CONNECTED:
            fut.set_result(None)

    # -- closing ---------------------------------------------------------------------

    def close(self) -> None:
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self.is_closed():
            return
        super().close()
        self._run.network.close_loop(self)
        self._net_close()
