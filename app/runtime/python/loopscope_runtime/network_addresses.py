"""Addresses on the in-memory machine, resolved as Linux resolves them.

Addresses behave as on Linux with an IPv4-only `localhost`: 127.0.0.1 and ::1
are different hosts of one machine, a server on None or '' listens on both
('0.0.0.0' and '::'), a client connecting to None tries ::1, then 127.0.0.1.
"""

import ipaddress
import socket

from .network_errors import EAI_NONAME, EAI_SERVICE, IN_MEMORY_NOTE

# Each family's address for every host of this machine, and its loopback host.
WILDCARD: dict[int, str] = {socket.AF_INET: "0.0.0.0", socket.AF_INET6: "::"}
LOOPBACK: dict[int, str] = {socket.AF_INET: "127.0.0.1", socket.AF_INET6: "::1"}
_SERVICES = {"echo": 7, "ftp": 21, "ssh": 22, "smtp": 25, "http": 80, "https": 443}


def sockaddr(family: int, host: str, port: int) -> tuple:
    """A socket address as CPython gives it: (host, port), or (host, port, 0, 0) for IPv6."""
    if family == socket.AF_INET6:
        return (host, port, 0, 0)
    return (host, port)


def parse_ip(host: str):
    """The IP address `host` is written as, or None for a name."""
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
    ip = parse_ip(host)
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
    elif parse_ip(host) is not None:
        hosts = [host]
    else:
        error = socket.gaierror(EAI_NONAME, "Name or service not known")
        error.add_note(IN_MEMORY_NOTE)
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
