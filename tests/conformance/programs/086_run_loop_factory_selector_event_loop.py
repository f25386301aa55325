# What: asyncio.run with loop_factory=asyncio.SelectorEventLoop: timers, call_soon and a TaskGroup.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("EventLoop is SelectorEventLoop:", asyncio.EventLoop is asyncio.SelectorEventLoop)
    print("a SelectorEventLoop:", isinstance(loop, asyncio.SelectorEventLoop))
    print("a BaseEventLoop:", isinstance(loop, asyncio.BaseEventLoop))

    fired = []
    loop.call_later(0.2, fired.append, "later")
    loop.call_soon(fired.append, "soon")
    loop.call_at(start + 0.1, fired.append, "at")
    await asyncio.sleep(0.3)
    print("callbacks in order:", fired)

    async def step(n):
        await asyncio.sleep(0.1 * n)
        print("step", n, "at", round(loop.time() - start, 1))

    async with asyncio.TaskGroup() as group:
        for n in (3, 1, 2):
            group.create_task(step(n))
    print("total", round(loop.time() - start, 1))


asyncio.run(main(), loop_factory=asyncio.SelectorEventLoop)
print("closed and gone: running loop is", asyncio._get_running_loop())
