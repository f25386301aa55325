# What: create_task schedules but does not run; tasks start in creation order once main yields.
import asyncio


async def job(name, delay):
    print(f"{name}: started")
    await asyncio.sleep(delay)
    print(f"{name}: finished after {delay}")
    return name


async def main():
    slow = asyncio.create_task(job("slow", 0.2))
    fast = asyncio.create_task(job("fast", 0.05))
    medium = asyncio.create_task(job("medium", 0.1))
    print("main: created three tasks")
    print("main: any started?", any(t.done() for t in (slow, fast, medium)))
    await asyncio.sleep(0)
    print("main: after one yield")
    results = [await slow, await fast, await medium]
    print("results in await order:", results)


asyncio.run(main())
