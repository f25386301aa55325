# system() reached through ctypes finds no shell.
import ctypes

status = ctypes.CDLL(None).system(b"touch /tmp/loopscope-hostile-ctypes-system")
print("status", status)
