# What: cancelling() counts pending cancel requests; uncancel() withdraws one so a task can go on.
import asyncio


async def stubborn():
    task = asyncio.current_task()
    for attempt in range(3):
        try:
            await asyncio.sleep(0.1)
            print(f"attempt {attempt}: slept fully")
        except asyncio.CancelledError:
            print(f"attempt {attempt}: cancelled, cancelling()={task.cancelling()}")
            remaining = task.uncancel()
            print(f"attempt {attempt}: after uncancel(), cancelling()={remaining}")
    return "survived"


async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0.05)
    task.cancel()
    task.cancel()  # a second request while the first is still pending
    print("main: cancelling() after two cancel() calls:", task.cancelling())
    print("main: result:", await task)
    print("main: task.cancelled():", task.cancelled())


asyncio.run(main())
