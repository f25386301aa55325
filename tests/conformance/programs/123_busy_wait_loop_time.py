# What: loop.time() moves with busy work like time.monotonic(), and timers set afterwards count from the new time.
import asyncio
import time


def crunch(loop, seconds):
    end = loop.time() + seconds
    while loop.time() < end:
        pass


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    m0 = time.monotonic()
    crunch(loop, 0.3)
    print("loop.time moved", round(loop.time() - start, 1))
    print("monotonic moved", round(time.monotonic() - m0, 1))
    print("the same clock:", abs(loop.time() - time.monotonic()) < 0.05)

    done = loop.create_future()
    loop.call_later(0.2, done.set_result, "timer")
    print(await done, "at", round(loop.time() - start, 1))

    # A callback that busy-waits delays the tasks behind it.
    loop.call_soon(crunch, loop, 0.2)
    await asyncio.sleep(0)
    print("after the busy callback", round(loop.time() - start, 1))

    async with asyncio.timeout(0.3):
        await asyncio.sleep(0.1)
    print("after a timeout block", round(loop.time() - start, 1))


asyncio.run(main())
