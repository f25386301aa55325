import asyncio
import time

def crunch(n):
    time.sleep(n)
    return n * 10

async def main():
    result = await asyncio.to_thread(crunch, 1)
    print("crunched", result)
    try:
        async with asyncio.timeout(0.5):
            await asyncio.to_thread(crunch, 2)
    except TimeoutError:
        print("gave up waiting")

asyncio.run(main())
