# What: time.sleep inside a coroutine blocks the whole loop: other tasks wait until it returns.
import asyncio
import time

log = []


async def ticker():
    for i in range(3):
        log.append(f"tick {i}")
        await asyncio.sleep(0.05)


async def blocker():
    log.append("blocker: time.sleep(0.2) starts")
    time.sleep(0.2)  # wrong in async code: nothing else can run meanwhile
    log.append("blocker: time.sleep(0.2) ends")
    await asyncio.sleep(0)
    log.append("blocker: after yielding")


async def polite():
    log.append("polite: asyncio.sleep(0.2) starts")
    await asyncio.sleep(0.2)
    log.append("polite: asyncio.sleep(0.2) ends")


async def main():
    await asyncio.gather(ticker(), blocker())
    print("\n".join(log))
    log.clear()
    print("---")
    await asyncio.gather(ticker(), polite())
    print("\n".join(log))


asyncio.run(main())
