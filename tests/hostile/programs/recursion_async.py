# Unbounded recursion of coroutines awaiting each other, with the limit raised.
import asyncio
import sys

sys.setrecursionlimit(10**6)


async def down(n):
    return await down(n + 1)


asyncio.run(down(0))
