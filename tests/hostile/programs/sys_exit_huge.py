# sys.exit with an int no process status can hold: POSIX keeps its low 8 bits.
import sys

sys.exit(2**100 + 7)
