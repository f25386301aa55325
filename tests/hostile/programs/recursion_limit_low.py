# A tiny recursion limit set by the program ends with it.
import sys

sys.setrecursionlimit(60)
print("limit", sys.getrecursionlimit())
