# What: tasks that sleep the same delay wake in the order they went to sleep; shorter sleeps first.
import asyncio


async def sleeper(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} woke after {delay}")


async def main():
    async with asyncio.TaskGroup() as tg:
        for name in ("A", "B", "C"):
            tg.create_task(sleeper(name, 0.1))
    print("--- different delays")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(sleeper("x", 0.25))
        tg.create_task(sleeper("y", 0.05))
        tg.create_task(sleeper("z", 0.15))
    print("all awake")


asyncio.run(main())
