# What: gather runs awaitables concurrently and returns results in argument order, not finish order.
import asyncio


async def square(n, delay):
    await asyncio.sleep(delay)
    print(f"square({n}) finished")
    return n * n


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(square(1, 0.2), square(2, 0.05), square(3, 0.1))
    print("results:", results)
    # Concurrent: the total is the longest delay, not the sum.
    print("elapsed:", round(loop.time() - start, 1))
    print("empty gather:", await asyncio.gather())
    task = asyncio.create_task(square(4, 0.01))
    print("tasks and coroutines mixed:", await asyncio.gather(task, square(5, 0)))


asyncio.run(main())
