# What: as_completed yields results in completion order; since 3.13 it also works with async for.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return f"{name} ({delay}s)"


async def main():
    coros = [job("one", 0.3), job("two", 0.05), job("three", 0.15)]
    for next_done in asyncio.as_completed(coros):
        print("completed:", await next_done)

    tasks = [asyncio.create_task(job(n, d)) for n, d in [("x", 0.25), ("y", 0.05), ("z", 0.15)]]
    async for task in asyncio.as_completed(tasks):
        # async for yields the original tasks themselves (3.13+).
        print("async for:", task.result(), "- original task:", task in tasks)

    try:
        for next_done in asyncio.as_completed([job("late", 0.3)], timeout=0.05):
            await next_done
    except TimeoutError:
        print("as_completed timed out")


asyncio.run(main())
