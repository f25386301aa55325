# What: busy work in asyncio.to_thread runs on its own thread: the loop keeps ticking, the result comes after its length.
import asyncio
import time

log = []


def crunch(seconds):
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        pass
    return round(time.perf_counter() - start, 1)


async def crunch_in_thread():
    seconds = await asyncio.to_thread(crunch, 0.5)
    log.append(f"thread: busy for {seconds} s")


async def ticker():
    for i in range(4):
        log.append(f"tick {i}")
        await asyncio.sleep(0.2)


async def main():
    await asyncio.gather(crunch_in_thread(), ticker())
    print("\n".join(log))


asyncio.run(main())
