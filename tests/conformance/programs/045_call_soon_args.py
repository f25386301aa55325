# What: call_soon with arguments and functools.partial; a callback can schedule more callbacks.
import asyncio
import functools


def greet(greeting, name, punctuation="!"):
    print(f"{greeting}, {name}{punctuation}")


def chain(loop, n):
    print(f"chain {n}")
    if n < 3:
        loop.call_soon(chain, loop, n + 1)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(greet, "Hello", "Ada")
    loop.call_soon(functools.partial(greet, "Hi", punctuation="?"), "Linus")
    loop.call_soon(chain, loop, 1)
    loop.call_soon(print, "plain print", 1, 2, 3)
    await asyncio.sleep(0)
    print("main: after one iteration")
    await asyncio.sleep(0)
    print("main: after two iterations")
    handle = loop.call_soon(greet, "Never", "printed")
    handle.cancel()
    await asyncio.sleep(0)
    print("a cancelled handle is skipped:", handle.cancelled())


asyncio.run(main())
