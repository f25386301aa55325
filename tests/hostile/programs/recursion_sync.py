# Unbounded recursion after raising the recursion limit past what the stack holds.
import sys

sys.setrecursionlimit(10**6)


def down(n):
    return down(n + 1)


down(0)
