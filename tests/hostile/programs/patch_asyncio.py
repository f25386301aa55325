# Monkeypatching asyncio and time does not carry over to the next run.
import asyncio
import time


async def fake_sleep(delay, result=None):
    print("fake sleep")


asyncio.sleep = fake_sleep
asyncio.tasks.sleep = fake_sleep
time.monotonic = lambda: 0
asyncio.run(asyncio.sleep(1))
