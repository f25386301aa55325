"""An in-memory TCP network, so servers and clients run without real sockets.

Pyodide has no sockets. The traced loop gets `create_server` and
`create_connection` from `VirtualNetworkMixin`, and everything above the socket
stays CPython's own code: `Server`, `_SelectorSocketTransport`, the accept and
connect machinery of the selector loop, and streams. Only the socket
(`VirtualSocket`) and the selector (`VirtualSelector`) are stand-ins, so
transports buffer, close, pause, log and fail exactly as they do on CPython.

One `VirtualNetwork` per run is the whole machine: its ports, file descriptors
and connections. All loops of a run share it; it goes away with the run.

Addresses behave as on Linux with an IPv4-only `localhost`: 127.0.0.1 and ::1
are different hosts of one machine, a server on None or '' listens on both
('0.0.0.0' and '::'), a client connecting to None tries ::1, then 127.0.0.1.
Port 0, and the local port of every client, is the next free port counting up
from 49152, and descriptors are the lowest free from 6 (after the loop's own
three), so traces and printed addresses are the same on every run.

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

Errors carry Linux's errno numbers and messages ("[Errno 111] Connect call
failed"), and during a run the errno module's socket names have Linux's numbers
too (`errno_patches`), whatever numbering the platform underneath uses.

What differs from a real network: sends never block (kernel buffers are
unlimited, so `drain()` returns at once and `get_write_buffer_size()` stays 0),
there is no TLS, no UDP and no Unix sockets, existing sockets (`sock=`) cannot
be passed in, and hosts other than this machine do not exist.
"""

import collections
import errno
import functools
import heapq
import ipaddress
import itertools
import selectors
import socket
import weakref
from asyncio import base_events, events, selector_events, tasks
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .trace import safe_repr

if TYPE_CHECKING:
    from .run_state import RunState

    _LoopBase = base_events.BaseEventLoop
else:
    _LoopBase = object

# Linux's errno numbers and messages, not the platform's: Pyodide numbers errors
# the WASI way (ECONNREFUSED is 14 there), and learners compare what they see
# with CPython on Linux. The exception classes are given explicitly for the same
# reason: OSError(111, ...) would not become ConnectionRefusedError in Pyodide.
EBADF = 9
EAGAIN = 11
EINVAL = 22
EPIPE = 32
EADDRINUSE = 98
EADDRNOTAVAIL = 99
ENETUNREACH = 101
ECONNRESET = 104
EISCONN = 106
ENOTCONN = 107
ECONNREFUSED = 111
EINPROGRESS = 115

_ERRORS: dict[int, tuple[type[OSError], str]] = {
    EBADF: (OSError, "Bad file descriptor"),
    EAGAIN: (BlockingIOError, "Resource temporarily unavailable"),
    EINVAL: (OSError, "Invalid argument"),
    EPIPE: (BrokenPipeError, "Broken pipe"),
    EADDRINUSE: (OSError, "Address already in use"),
    EADDRNOTAVAIL: (OSError, "Cannot assign requested address"),
    ENETUNREACH: (OSError, "Network is unreachable"),
    ECONNRESET: (ConnectionResetError, "Connection reset by peer"),
    EISCONN: (OSError, "Transport endpoint is already connected"),
    ENOTCONN: (OSError, "Transport endpoint is not connected"),
    ECONNREFUSED: (ConnectionRefusedError, "Connection refused"),
    EINPROGRESS: (BlockingIOError, "Operation now in progress"),
}

# getaddrinfo's errors (these numbers are the same everywhere).
EAI_NONAME = -2
EAI_SERVICE = -8

_IN_MEMORY_NOTE = "Loopscope's network is in memory: only this machine (localhost) exists on it"
_NO_TLS = "Loopscope's in-memory network has no TLS: ssl= is not supported"
_NO_SOCK = (
    "Loopscope's in-memory network cannot use an existing socket (sock=): "
    "pass host and port instead"
)

FIRST_FD = 6
FIRST_EPHEMERAL_PORT = 49152
PREVIEW_BYTES = 40


def errno_patches() -> dict[tuple[object, str], object]:
    """The errno module's socket error numbers as Linux has them, for the length of a run.

    The network's errors carry Linux's numbers, so that they print as on
    CPython; `e.errno == errno.ECONNREFUSED` must hold too. Only the names of
    socket errors change: no real error in Pyodide, which has no sockets,
    carries them.
    """
    numbers = {
        "EPIPE": EPIPE,
        "EADDRINUSE": EADDRINUSE,
        "EADDRNOTAVAIL": EADDRNOTAVAIL,
        "ENETUNREACH": ENETUNREACH,
        "ECONNRESET": ECONNRESET,
        "EISCONN": EISCONN,
        "ENOTCONN": ENOTCONN,
        "ECONNREFUSED": ECONNREFUSED,
        "EINPROGRESS": EINPROGRESS,
    }
    patches: dict[tuple[object, str], object] = {
        (errno, name): number for name, number in numbers.items()
    }
    # A new dict, not an update: errno's own is restored after the run.
    patches[(errno, "errorcode")] = {**errno.errorcode, **{n: name for name, n in numbers.items()}}
    return patches


def os_error(code: int, message: str | None = None) -> OSError:
    """The OSError CPython on Linux raises for `code`, with its class and message."""
    cls, text = _ERRORS[code]
    return cls(code, text if message is None else message)


# -- addresses ----------------------------------------------------------------

_WILDCARD: dict[int, str] = {socket.AF_INET: "0.0.0.0", socket.AF_INET6: "::"}
_LOOPBACK: dict[int, str] = {socket.AF_INET: "127.0.0.1", socket.AF_INET6: "::1"}
_SERVICES = {"echo": 7, "ftp": 21, "ssh": 22, "smtp": 25, "http": 80, "https": 443}


def sockaddr(family: int, host: str, port: int) -> tuple:
    """A socket address as CPython gives it: (host, port), or (host, port, 0, 0) for IPv6."""
    if family == socket.AF_INET6:
        return (host, port, 0, 0)
    return (host, port)


def _ip(host: str):
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _port_number(port) -> int | None:
    """A port as getaddrinfo reads it: a number, a numeric string, or a service name."""
    if port is None or port == "" or port == b"":
        return 0
    if isinstance(port, bytes):
        port = port.decode("ascii", "replace")
    if isinstance(port, str):
        if port.isdigit():
            return int(port)
        return _SERVICES.get(port)
    return int(port)


def literal_address_info(host, port, family, type, proto, flowinfo=0, scopeid=0):
    """`base_events._ipaddr_info` without inet_pton, which has no IPv6 in Pyodide.

    A literal IP address needs no resolving; anything else returns None.
    """
    if proto not in {0, socket.IPPROTO_TCP, socket.IPPROTO_UDP} or host is None:
        return None
    if type == socket.SOCK_STREAM:
        proto = socket.IPPROTO_TCP
    elif type == socket.SOCK_DGRAM:
        proto = socket.IPPROTO_UDP
    else:
        return None
    if port is None or port == "" or port == b"":
        port = 0
    else:
        try:
            port = int(port)
        except (TypeError, ValueError):
            return None
    if isinstance(host, bytes):
        host = host.decode("idna")
    if "%" in host:
        return None
    ip = _ip(host)
    if ip is None:
        return None
    af = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
    if family not in (socket.AF_UNSPEC, af):
        return None
    if af == socket.AF_INET6:
        return af, type, proto, "", (host, port, flowinfo, scopeid)
    return af, type, proto, "", (host, port)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) -> list[tuple]:
    """`socket.getaddrinfo` for the in-memory machine, whose only name is localhost."""
    if isinstance(host, bytes):
        host = host.decode("idna")
    number = _port_number(port)
    if number is None:
        raise socket.gaierror(EAI_SERVICE, "Servname not supported for ai_socktype")
    if host is None:
        if flags & socket.AI_PASSIVE:
            hosts = ["0.0.0.0", "::"]
        else:
            hosts = ["::1", "127.0.0.1"]
    elif host.lower() == "localhost":
        hosts = ["127.0.0.1"]
    elif _ip(host) is not None:
        hosts = [host]
    else:
        error = socket.gaierror(EAI_NONAME, "Name or service not known")
        error.add_note(_IN_MEMORY_NOTE)
        raise error
    kinds = [type] if type else [socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOCK_RAW]
    protos: dict[int, int] = {
        socket.SOCK_STREAM: socket.IPPROTO_TCP,
        socket.SOCK_DGRAM: socket.IPPROTO_UDP,
    }
    infos = []
    for name in hosts:
        ip = ipaddress.ip_address(name)
        af = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
        if family not in (socket.AF_UNSPEC, af):
            continue
        for kind in kinds:
            kind_proto = proto or protos.get(kind, 0)
            infos.append((af, socket.SocketKind(kind), kind_proto, "", sockaddr(af, name, number)))
    if not infos:
        raise socket.gaierror(EAI_NONAME, "Name or service not known")
    return infos


# -- sockets --------------------------------------------------------------------

# Socket states.
NEW = "new"
LISTENING = "listening"
CONNECTING = "connecting"
CONNECTED = "connected"
REFUSED = "refused"
CLOSED = "closed"

# What travels between sockets.
_SYN = "syn"  # a new connection, for a listener's backlog
_ESTABLISHED = "established"
_REFUSED = "refused"
_DATA = "data"
_FIN = "fin"
_RST = "rst"


class VirtualSocket:
    """A non-blocking TCP socket on the in-memory network.

    It has what asyncio's selector loop and `_SelectorSocketTransport` call on
    a socket, with Linux's answers; data sent is never refused or split.
    """

    def __init__(self, loop, family=socket.AF_INET, type=socket.SOCK_STREAM, proto=0, *, fd=True):
        self.loop = loop
        self.network: VirtualNetwork = loop._run.network
        self.family = socket.AddressFamily(family)
        self.type = socket.SocketKind(type)
        self.proto = proto or socket.IPPROTO_TCP
        self.state = NEW
        self.laddr: tuple | None = None
        self.raddr: tuple | None = None
        self.peer: VirtualSocket | None = None
        # The trace's connection id, and which end this is.
        self.conn = 0
        self.side = ""
        self._backlog: collections.deque[VirtualSocket] = collections.deque()
        self._received = bytearray()
        self._eof = False  # the peer's FIN has arrived
        self._reset = False  # an RST has arrived: the connection is gone
        self._error = 0  # what getsockopt(SO_ERROR) reports next
        self._shut_wr = False
        # The loop iteration in which it last became readable: a poll reports
        # only what was readable when its iteration began, as select() does.
        self.readable_since = 0
        self._fd = self.network.open_fd(self) if fd else -1
        self.network.track(self)

    def __repr__(self) -> str:
        text = (
            f"<VirtualSocket fd={self._fd}, family={self.family!s}, "
            f"type={self.type!s}, proto={self.proto}"
        )
        if self.laddr is not None:
            text += f", laddr={self.laddr}"
        if self.raddr is not None and self.state == CONNECTED:
            text += f", raddr={self.raddr}"
        return text + ">"

    # -- the socket API asyncio uses -----------------------------------------

    def fileno(self) -> int:
        return self._fd

    def setblocking(self, flag: bool) -> None:
        """Always non-blocking: there is nothing to wait on."""

    def settimeout(self, value) -> None:
        """Always non-blocking: there is nothing to wait on."""

    def gettimeout(self) -> float:
        return 0.0

    def setsockopt(self, *args) -> None:
        """Options (SO_REUSEADDR, TCP_NODELAY …) change nothing in memory."""

    def getsockopt(self, level: int, option: int, buflen: int | None = None) -> int:
        if level == socket.SOL_SOCKET and option == socket.SO_ERROR:
            error, self._error = self._error, 0
            return error
        return 0

    def getsockname(self) -> tuple:
        self._check_open()
        if self.laddr is None:
            return sockaddr(self.family, _WILDCARD[self.family], 0)
        return self.laddr

    def getpeername(self) -> tuple:
        self._check_open()
        if self.state != CONNECTED or self._reset or self.raddr is None:
            raise os_error(ENOTCONN)
        return self.raddr

    def bind(self, address) -> None:
        self._check_open()
        if self.laddr is not None:
            raise os_error(EINVAL)
        self.network.bind(self, address)

    def listen(self, backlog: int = 128) -> None:
        self._check_open()
        if self.state == LISTENING:
            return
        if self.laddr is None:
            self.network.bind(self, sockaddr(self.family, _WILDCARD[self.family], 0))
        self.state = LISTENING
        self.network.listening(self)

    def accept(self) -> tuple["VirtualSocket", tuple]:
        self._check_open()
        if self.state != LISTENING:
            raise os_error(EINVAL)
        if not self._backlog:
            raise os_error(EAGAIN)
        conn = self._backlog.popleft()
        conn._fd = self.network.open_fd(conn)
        assert conn.raddr is not None
        return conn, conn.raddr

    def connect(self, address) -> None:
        """Starts connecting and raises BlockingIOError, as a non-blocking connect does."""
        self._check_open()
        if self.state in (CONNECTING, CONNECTED):
            raise os_error(EISCONN)
        host, port = address[0], address[1]
        if not isinstance(port, int) or not 0 <= port <= 65535:
            raise OverflowError("connect(): port must be 0-65535.")
        ip = _ip(host)
        if ip is None or (ip.version == 6) != (self.family == socket.AF_INET6):
            raise socket.gaierror(EAI_NONAME, "Name or service not known")
        if ip.is_unspecified:  # Linux connects 0.0.0.0 and :: to this machine
            host = _LOOPBACK[self.family]
        elif ip.is_loopback:
            host = str(ip)
        else:
            error = os_error(ENETUNREACH)
            error.add_note(_IN_MEMORY_NOTE)
            raise error
        if self.laddr is None:
            self.network.bind(self, sockaddr(self.family, _LOOPBACK[self.family], 0))
        self.raddr = sockaddr(self.family, host, port)
        self.state = CONNECTING
        self.network.connect(self)
        raise os_error(EINPROGRESS)

    def send(self, data, flags: int = 0) -> int:
        self._check_open()
        if self._error:
            error, self._error = self._error, 0
            raise os_error(error)
        if self._reset or self._shut_wr:
            raise os_error(EPIPE)
        if self.state != CONNECTED or self.peer is None:
            raise os_error(ENOTCONN)
        payload = bytes(data)
        if payload:
            self.network.send(self, payload)
        return len(payload)

    def sendmsg(self, buffers, ancdata=(), flags: int = 0, address=None) -> int:
        return self.send(b"".join(bytes(buffer) for buffer in buffers), flags)

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        self._check_open()
        received = self._received
        if received:
            data = bytes(received[:bufsize])
            del received[:bufsize]
            self.network.received(self, len(data))
            return data
        if self._error:
            error, self._error = self._error, 0
            raise os_error(error)
        if self._eof or self._reset:
            return b""
        raise os_error(EAGAIN)

    def recv_into(self, buffer, nbytes: int = 0, flags: int = 0) -> int:
        view = memoryview(buffer).cast("B")
        data = self.recv(nbytes or len(view), flags)
        view[: len(data)] = data
        return len(data)

    def shutdown(self, how: int) -> None:
        self._check_open()
        if self.state != CONNECTED:
            raise os_error(ENOTCONN)
        if how in (socket.SHUT_WR, socket.SHUT_RDWR) and not self._shut_wr:
            self._shut_wr = True
            self.network.ended(self, "write_eof", reset=False, send=not self._reset)

    def close(self) -> None:
        self._close(reset=False)

    def _close(self, reset: bool) -> None:
        if self.state == CLOSED:
            return
        state, self.state = self.state, CLOSED
        network = self.network
        network.release(self)
        if state == LISTENING:
            network.stopped_listening(self)
            while self._backlog:  # never accepted: Linux resets them
                self._backlog.popleft()._close(reset=True)
        elif self.peer is not None:
            # Unread data makes Linux answer with a reset instead of an end of file.
            reset = (reset or bool(self._received)) and not self._reset
            send = reset or not (self._reset or self._shut_wr)
            network.ended(self, "close", reset=reset, send=send)

    # -- what the network sees ------------------------------------------------

    def _check_open(self) -> None:
        if self.state == CLOSED:
            raise os_error(EBADF)

    def readable(self) -> bool:
        if self.state == LISTENING:
            return bool(self._backlog)
        if self.state != CONNECTED:
            return False
        return bool(self._received) or self._eof or self._reset or bool(self._error)

    def writable(self) -> bool:
        return self.state in (CONNECTED, REFUSED)

    def arrive(self, kind: str, payload, sender: "VirtualSocket | None") -> None:
        """Something sent to this socket has arrived."""
        state = self.state
        was_readable = self.readable()
        if kind == _SYN:
            if state != LISTENING:
                payload._close(reset=True)
                return
            self._backlog.append(payload)
        elif kind == _ESTABLISHED or kind == _REFUSED:
            if state != CONNECTING:
                return
            if kind == _ESTABLISHED:
                self.state = CONNECTED
            else:
                self.state = REFUSED
                self._error = ECONNREFUSED
        elif state == CLOSED:
            # Data for a closed socket is answered with a reset.
            if kind == _DATA and sender is not None and sender.state != CLOSED:
                self.network.transmit(self, sender, _RST)
            return
        elif self._reset:
            return
        elif kind == _DATA:
            self._received += payload
        elif kind == _FIN:
            self._eof = True
        elif kind == _RST:
            self._reset = True
            # Linux: EPIPE once the peer's FIN was seen (CLOSE_WAIT), else ECONNRESET.
            self._error = EPIPE if self._eof else ECONNRESET
        loop = self.loop
        if not was_readable and self.readable():
            self.readable_since = loop._net_iteration()
        loop._net_signal(self)


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
        ip = _ip(host)
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
                    or other.laddr[0] == _WILDCARD[family]
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
            self._emit({"type": "net.listen", "port": sock.laddr[1], "host": sock.laddr[0]})

    def stopped_listening(self, sock: VirtualSocket) -> None:
        assert sock.laddr is not None
        if self.run.tracer.enabled:
            host, port = sock.laddr[0], sock.laddr[1]
            self._emit({"type": "net.server.close", "port": port, "host": host})

    def _listener(self, family: int, host: str, port: int) -> VirtualSocket | None:
        for sock in self._ports.get((family, port), ()):
            if sock.state == LISTENING and sock.laddr is not None:
                if sock.laddr[0] == host or sock.laddr[0] == _WILDCARD[family]:
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
                self._emit({"type": "net.refused", "to": [host, port]})
            self.transmit(None, client, _REFUSED)
            return
        self.connections += 1
        server = VirtualSocket(listener.loop, client.family, client.type, client.proto, fd=False)
        server.state = CONNECTED
        server.laddr, server.raddr = client.raddr, client.laddr
        server.peer, client.peer = client, server
        server.conn = client.conn = self.connections
        server.side, client.side = "server", "client"
        if tracing:
            self._emit(
                {
                    "type": "net.connect",
                    "conn": client.conn,
                    "from": [client.laddr[0], client.laddr[1]],
                    "to": [host, port],
                }
            )
        # epoll reports the listener first: its callback was registered first.
        self.transmit(client, listener, _SYN, server)
        self.transmit(server, client, _ESTABLISHED)

    def send(self, sock: VirtualSocket, data: bytes) -> None:
        if self.run.tracer.enabled:
            self._emit(
                {
                    "type": "net.send",
                    "conn": sock.conn,
                    "side": sock.side,
                    "bytes": len(data),
                    "preview": safe_repr(data[:PREVIEW_BYTES]),
                }
            )
        assert sock.peer is not None
        self.transmit(sock, sock.peer, _DATA, data)

    def received(self, sock: VirtualSocket, count: int) -> None:
        if self.run.tracer.enabled:
            self._emit({"type": "net.recv", "conn": sock.conn, "side": sock.side, "bytes": count})

    def ended(self, sock: VirtualSocket, how: str, reset: bool, send: bool) -> None:
        """One end of a connection closes or stops writing: the peer gets FIN or RST."""
        if self.run.tracer.enabled:
            event = {"type": "net.close", "conn": sock.conn, "side": sock.side}
            self._emit(event | {"how": how, "reset": reset})
        if send and sock.peer is not None:
            self.transmit(sock, sock.peer, _RST if reset else _FIN)

    def transmit(self, sender: VirtualSocket | None, to: VirtualSocket, kind: str, payload=None):
        """Delivers to `to` after the latency; with none, at once, as loopback does."""
        if self.latency == 0:
            to.arrive(kind, payload, sender)
            return
        loop = to.loop
        if loop.is_closed():
            return
        loop._net_add(self.run.clock.now + self.latency, (to, kind, payload, sender))

    def _emit(self, event: dict) -> None:
        run = self.run
        event["task"] = run.current_task or None
        event["by"] = run.current_h or None
        run.tracer.emit(event)


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


# Typed loosely: typeshed does not list the selector loop's private methods.
_Selector: Any = selector_events.BaseSelectorEventLoop
_SocketTransport: Any = getattr(selector_events, "_SelectorSocketTransport")


class VirtualNetworkMixin(_LoopBase):
    """Servers and connections on the run's in-memory network, for the traced loop."""

    _run: "RunState"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._selector = VirtualSelector(self)
        self._transports = weakref.WeakValueDictionary()
        # Socket events no poll has seen: (due, order, iteration, entry).
        # An entry is (socket, kind, payload, sender) for something arriving
        # later, or (socket,) for a socket whose state changed.
        self._net_pending: list[tuple[float, int, int, tuple]] = []
        self._net_order = itertools.count()
        self._net_timers: dict[float, events.TimerHandle] = {}
        self._net_polled: dict[VirtualSocket, None] | None = None

    # -- CPython's selector loop, unchanged --------------------------------------
    # These only touch the selector, the socket and `_transports`, all provided here.

    _add_reader = _Selector._add_reader
    _remove_reader = _Selector._remove_reader
    _add_writer = _Selector._add_writer
    _remove_writer = _Selector._remove_writer
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
        for sock, order in reported.items():
            if sock.state != CLOSED and sock.readable():
                key = fd_map.get(sock.fileno())
                if key is not None and key.events & selectors.EVENT_READ:
                    self._net_add(self.time(), (sock,), order)

    # -- closing ---------------------------------------------------------------------

    def close(self) -> None:
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self.is_closed():
            return
        super().close()
        self._run.network.close_loop(self)
        self._net_pending.clear()
        self._net_timers.clear()
        self._selector.close()

