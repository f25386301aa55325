# What: calling an async function makes a coroutine object; await runs it; a coroutine can run once.
import asyncio
import inspect


async def answer():
    return 42


async def main():
    coro = answer()
    print("type:", type(coro).__name__)
    print("iscoroutine:", asyncio.iscoroutine(coro))
    print("inspect.iscoroutinefunction:", inspect.iscoroutinefunction(answer))
    print("awaited:", await coro)
    try:
        await coro
    except RuntimeError as e:
        print("RuntimeError:", e)

    unused = answer()
    unused.close()  # closing a never-started coroutine silences the "never awaited" warning
    print("closed cleanly")

    print("await in an expression:", (await answer()) + 1)


asyncio.run(main())
