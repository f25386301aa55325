import asyncio
import time

async def heartbeat():
    start = asyncio.get_running_loop().time()
    for _ in range(4):
        print("beat", round(asyncio.get_running_loop().time() - start, 1))
        await asyncio.sleep(0.5)

async def slow_report():
    await asyncio.sleep(0.2)
    time.sleep(1)  # blocks the whole loop
    print("report done")

async def main():
    await asyncio.gather(heartbeat(), slow_report())

asyncio.run(main())
