# What: loop.time() is a monotonic clock: rounded differences show how long sleeps and timers took.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    for delay in (0.1, 0.2, 0.3):
        before = loop.time()
        await asyncio.sleep(delay)
        print(f"sleep({delay}) took", round(loop.time() - before, 1))
    print("total:", round(loop.time() - start, 1))

    start = loop.time()
    fired = loop.create_future()
    loop.call_later(0.2, lambda: fired.set_result(loop.time()))
    print("timer fired after", round(await fired - start, 1))

    start = loop.time()
    await asyncio.gather(asyncio.sleep(0.1), asyncio.sleep(0.3), asyncio.sleep(0.2))
    print("gather of three sleeps took", round(loop.time() - start, 1))
    print("time() never goes backwards:", loop.time() >= start)


asyncio.run(main())
