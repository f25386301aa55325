# What: a task that catches CancelledError and returns normally is not cancelled (an anti-pattern).
import asyncio


async def swallow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("swallow: caught CancelledError and ignored it")
    await asyncio.sleep(0.05)
    return "finished normally"


async def main():
    task = asyncio.create_task(swallow())
    await asyncio.sleep(0.01)
    task.cancel()
    result = await task
    print("result:", result)
    print("cancelled():", task.cancelled())
    print("cancelling() still counts the request:", task.cancelling())

    # Cancelling a task before it ever runs: its body never starts.
    async def never_runs():
        print("this line is not printed")

    task = asyncio.create_task(never_runs())
    task.cancel()
    await asyncio.sleep(0)
    print("cancelled before start:", task.cancelled())


asyncio.run(main())
