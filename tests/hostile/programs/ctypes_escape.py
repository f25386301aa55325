# ctypes cannot reach the host's C library.
import ctypes

libc = ctypes.CDLL("libc.so.6")
libc.system(b"touch /tmp/loopscope-hostile-ctypes")
