# What: a subclass of asyncio.EventLoop, given to asyncio.run and Runner as loop_factory.
import asyncio


class CountingLoop(asyncio.EventLoop):
    def __init__(self):
        super().__init__()
        self.tasks_made = 0

    def create_task(self, coro, **kwargs):
        self.tasks_made += 1
        return super().create_task(coro, **kwargs)


async def child(n):
    await asyncio.sleep(0.1 * n)
    return n


async def main():
    loop = asyncio.get_running_loop()
    print("loop class:", type(loop).__name__, "an EventLoop:", isinstance(loop, asyncio.EventLoop))
    start = loop.time()
    results = await asyncio.gather(child(1), child(2), child(3))
    async with asyncio.TaskGroup() as group:
        group.create_task(child(1))
    print("results:", results, "took", round(loop.time() - start, 1))
    print("tasks made so far:", loop.tasks_made)


asyncio.run(main(), loop_factory=CountingLoop)

with asyncio.Runner(loop_factory=CountingLoop) as runner:
    runner.run(main())
    runner.run(main())
    print("loop class in Runner:", type(runner.get_loop()).__name__)
