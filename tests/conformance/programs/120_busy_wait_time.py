# What: a busy-wait on time.time() holds the clock's reader for its length, in a coroutine and at module level.
import asyncio
import time


def busy_wait(seconds):
    end = time.time() + seconds
    laps = 0
    while time.time() < end:
        laps += 1
    return laps


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    t0 = time.time()
    laps = busy_wait(0.5)
    print("busy for", round(time.time() - t0, 1), "s")
    print("loop time moved", round(loop.time() - start, 1), "s")
    print("the loop went round:", laps > 0)
    await asyncio.sleep(0.1)
    print("after a sleep", round(loop.time() - start, 1), "s")


t0 = time.time()
busy_wait(0.3)
print("module level busy for", round(time.time() - t0, 1), "s")
asyncio.run(main())
