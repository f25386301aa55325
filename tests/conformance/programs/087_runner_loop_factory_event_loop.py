# What: asyncio.Runner(loop_factory=asyncio.EventLoop) runs several coroutines on one stock loop.
import asyncio


async def tick(label, delay):
    loop = asyncio.get_running_loop()
    before = loop.time()
    await asyncio.sleep(delay)
    print(label, "slept", round(loop.time() - before, 1), "in", asyncio.current_task().get_name())
    return loop


with asyncio.Runner(loop_factory=asyncio.EventLoop) as runner:
    loop = runner.get_loop()
    print("an EventLoop:", isinstance(loop, asyncio.EventLoop), "running:", loop.is_running())
    start = loop.time()
    first = runner.run(tick("first", 0.2))
    second = runner.run(tick("second", 0.1))
    print("same loop:", first is second is loop)
    print("both runs took", round(loop.time() - start, 1))
    task = loop.create_task(tick("left over", 0.5))
    runner.run(asyncio.sleep(0.1))
    print("left-over task done:", task.done())
print("closed after the with block:", loop.is_closed())
print("left-over task cancelled by close:", task.cancelled())
