# sys.exit with something that is neither None nor an int: printed, status 1.
import sys

sys.exit(["not", "a", "code"])
