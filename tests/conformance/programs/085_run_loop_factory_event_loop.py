# What: asyncio.run(main(), loop_factory=asyncio.EventLoop), the 3.13+ spelling of the default loop.
import asyncio


async def worker(name, delay):
    await asyncio.sleep(delay)
    print(name, "done")
    return name


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("an AbstractEventLoop:", isinstance(loop, asyncio.AbstractEventLoop))
    print("an EventLoop:", isinstance(loop, asyncio.EventLoop))
    task = asyncio.create_task(worker("task", 0.2))
    results = await asyncio.gather(worker("a", 0.3), worker("b", 0.1), task)
    print("results:", results)
    print("took", round(loop.time() - start, 1))
    return "main's result"


print(asyncio.run(main(), loop_factory=asyncio.EventLoop))
print("a second run:", asyncio.run(asyncio.sleep(0.1, result="ok"), loop_factory=asyncio.EventLoop))
