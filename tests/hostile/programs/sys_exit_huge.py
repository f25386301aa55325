# sys.exit with an int too big for C: the exit code is -1 (status 255), as CPython gives.
import sys

sys.exit(2**100 + 7)
