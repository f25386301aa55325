# What: a task that busy-waits without awaiting holds the loop: a sleeping task wakes late, a timer fires late.
import asyncio
import time

log = []


def now():
    return round(asyncio.get_running_loop().time() - start, 1)


async def sleeper():
    log.append(f"{now()} sleeper: sleeps 0.1 s")
    await asyncio.sleep(0.1)
    log.append(f"{now()} sleeper: woke up")


async def cruncher():
    log.append(f"{now()} cruncher: busy for 0.5 s")
    end = time.perf_counter() + 0.5
    while time.perf_counter() < end:
        pass
    log.append(f"{now()} cruncher: done")
    await asyncio.sleep(0)
    log.append(f"{now()} cruncher: after yielding")


async def main():
    global start
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.2, lambda: log.append(f"{now()} timer set for 0.2 s fired"))
    await asyncio.gather(sleeper(), cruncher())
    await asyncio.sleep(0.3)
    print("\n".join(log))
    print("in all", now())


start = 0.0
asyncio.run(main())
