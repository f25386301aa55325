"""Socket errors as CPython on Linux raises them, on any platform underneath.

Errors carry Linux's errno numbers and messages ("[Errno 111] Connect call
failed"), and during a run the errno module's socket names have Linux's numbers
too (`errno_patches`), whatever numbering the platform underneath uses.
"""

import errno

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

# Noted on errors about hosts other than this machine, which do not exist.
IN_MEMORY_NOTE = "Loopscope's network is in memory: only this machine (localhost) exists on it"


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
