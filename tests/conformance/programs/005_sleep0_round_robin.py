# What: several tasks taking turns with sleep(0): the ready queue is first in, first out.
import asyncio


async def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    print(f"{name} finished")


async def main():
    tasks = [
        asyncio.create_task(worker("A", 3)),
        asyncio.create_task(worker("B", 2)),
        asyncio.create_task(worker("C", 4)),
    ]
    print("main: tasks created, none has run yet")
    for task in tasks:
        await task
    print("main: all done")


asyncio.run(main())
