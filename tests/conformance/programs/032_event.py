# What: asyncio.Event: waiters block until set(); set() wakes all of them; clear() resets it.
import asyncio


async def waiter(name, event):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} woke up")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ["w1", "w2", "w3"]]
    await asyncio.sleep(0.05)
    print("is_set before:", event.is_set())
    event.set()
    print("set() called")
    await asyncio.gather(*tasks)
    print("wait() on a set event returns at once:", await event.wait())
    event.clear()
    print("is_set after clear:", event.is_set())
    try:
        await asyncio.wait_for(event.wait(), timeout=0.05)
    except TimeoutError:
        print("wait() timed out after clear()")


asyncio.run(main())
