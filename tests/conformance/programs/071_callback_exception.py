# What: an exception in a call_soon callback is logged to stderr and the loop keeps running.
import asyncio


def broken(n):
    print("broken callback runs with", n)
    raise ZeroDivisionError("callback blew up")


def fine():
    print("the next callback still runs")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(broken, 1)
    loop.call_soon(fine)
    await asyncio.sleep(0.01)
    print("main: the loop survived")


asyncio.run(main())
