"""The in-memory network's socket: what asyncio's selector loop calls on one.

A socket is new, then listening, or connecting and then connected (or refused),
and at last closed. What sockets send each other (a new connection for a
listener's backlog, the answer to a connect, data, end of file, reset) goes
through `VirtualNetwork.transmit` and lands in the receiver's `arrive`, which
tells its loop (`VirtualSelectorMixin._net_signal`) that the socket changed.
"""

import collections
import socket
from typing import TYPE_CHECKING

from .network_addresses import LOOPBACK, WILDCARD, parse_ip, sockaddr
from .network_errors import (
    EAGAIN,
    EAI_NONAME,
    EBADF,
    ECONNREFUSED,
    ECONNRESET,
    EINPROGRESS,
    EINVAL,
    EISCONN,
    ENETUNREACH,
    ENOTCONN,
    EPIPE,
    IN_MEMORY_NOTE,
    os_error,
)

if TYPE_CHECKING:
    from .network import VirtualNetwork

# Socket states.
NEW = "new"
LISTENING = "listening"
CONNECTING = "connecting"
CONNECTED = "connected"
REFUSED = "refused"
CLOSED = "closed"

# What travels between sockets.
PACKET_SYN = "syn"  # a new connection, for a listener's backlog
PACKET_ESTABLISHED = "established"
PACKET_REFUSED = "refused"
PACKET_DATA = "data"
PACKET_FIN = "fin"
PACKET_RST = "rst"


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
            return sockaddr(self.family, WILDCARD[self.family], 0)
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
            self.network.bind(self, sockaddr(self.family, WILDCARD[self.family], 0))
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
        ip = parse_ip(host)
        if ip is None or (ip.version == 6) != (self.family == socket.AF_INET6):
            raise socket.gaierror(EAI_NONAME, "Name or service not known")
        if ip.is_unspecified:  # Linux connects 0.0.0.0 and :: to this machine
            host = LOOPBACK[self.family]
        elif ip.is_loopback:
            host = str(ip)
        else:
            error = os_error(ENETUNREACH)
            error.add_note(IN_MEMORY_NOTE)
            raise error
        if self.laddr is None:
            self.network.bind(self, sockaddr(self.family, LOOPBACK[self.family], 0))
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
        if kind == PACKET_SYN:
            if state != LISTENING:
                payload._close(reset=True)
                return
            self._backlog.append(payload)
        elif kind == PACKET_ESTABLISHED or kind == PACKET_REFUSED:
            if state != CONNECTING:
                return
            if kind == PACKET_ESTABLISHED:
                self.state = CONNECTED
            else:
                self.state = REFUSED
                self._error = ECONNREFUSED
        elif state == CLOSED:
            # Data for a closed socket is answered with a reset.
            if kind == PACKET_DATA and sender is not None and sender.state != CLOSED:
                self.network.transmit(self, sender, PACKET_RST)
            return
        elif self._reset:
            return
        elif kind == PACKET_DATA:
            self._received += payload
        elif kind == PACKET_FIN:
            self._eof = True
        elif kind == PACKET_RST:
            self._reset = True
            # Linux: EPIPE once the peer's FIN was seen (CLOSE_WAIT), else ECONNRESET.
            self._error = EPIPE if self._eof else ECONNRESET
        loop = self.loop
        if not was_readable and self.readable():
            self.readable_since = loop._net_iteration()
        loop._net_signal(self)
