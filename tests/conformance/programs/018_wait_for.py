# What: wait_for returns the result in time, else cancels the awaitable and raises TimeoutError.
import asyncio


async def compute(value, delay):
    try:
        await asyncio.sleep(delay)
        return value
    except asyncio.CancelledError:
        print(f"compute({value}) cancelled")
        raise


async def main():
    result = await asyncio.wait_for(compute("quick", 0.05), timeout=0.3)
    print("in time:", result)

    try:
        await asyncio.wait_for(compute("slow", 0.4), timeout=0.1)
    except TimeoutError as e:
        print("TimeoutError, is asyncio.TimeoutError:", isinstance(e, asyncio.TimeoutError))

    task = asyncio.create_task(compute("task", 0.4))
    try:
        await asyncio.wait_for(task, timeout=0.05)
    except TimeoutError:
        print("task cancelled by wait_for:", task.cancelled())

    print("timeout=None waits:", await asyncio.wait_for(compute("none", 0.05), None))


asyncio.run(main())
