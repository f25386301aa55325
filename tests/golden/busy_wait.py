import asyncio
import time

async def heartbeat():
    start = asyncio.get_running_loop().time()
    for _ in range(4):
        print("beat", round(asyncio.get_running_loop().time() - start, 1))
        await asyncio.sleep(0.5)

async def crunch():
    await asyncio.sleep(0.2)
    end = time.time() + 1  # simulated CPU work: a busy-wait
    while time.time() < end:  # blocks the whole loop
        pass
    print("crunch done")

async def main():
    await asyncio.gather(heartbeat(), crunch())

asyncio.run(main())
