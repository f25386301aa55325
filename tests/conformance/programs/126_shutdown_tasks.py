# What: asyncio.run's own last tasks, as a task factory sees them: their coroutines' names
import asyncio


def factory(loop, coro, **kwargs):
    print("a task for", coro.__qualname__)
    return asyncio.Task(coro, loop=loop, **kwargs)


async def main():
    asyncio.get_running_loop().set_task_factory(factory)
    await asyncio.sleep(0.1)
    print("main is done")


asyncio.run(main())
