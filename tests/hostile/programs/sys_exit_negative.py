# sys.exit(-1) exits 255, as on POSIX.
import sys

sys.exit(-1)
