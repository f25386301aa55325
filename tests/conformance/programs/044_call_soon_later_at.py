# What: call_soon / call_later / call_at: ready callbacks FIFO, timers by deadline, among tasks.
import asyncio


async def task_body(name):
    print(f"{name}: step 1")
    await asyncio.sleep(0)
    print(f"{name}: step 2")
    await asyncio.sleep(0.1)
    print(f"{name}: after sleep(0.1)")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.2, print, "call_later 0.2")
    loop.call_at(start + 0.05, print, "call_at start+0.05")
    loop.call_soon(print, "call_soon 1")
    task = asyncio.create_task(task_body("T"))
    loop.call_soon(print, "call_soon 2")
    handle = loop.call_later(0.25, print, "cancelled timer: never printed")
    loop.call_later(0.3, print, "call_later 0.3")
    print("main: scheduled everything")
    handle.cancel()
    print("handle cancelled:", handle.cancelled())
    await asyncio.sleep(0)
    print("main: after sleep(0)")
    await task
    await asyncio.sleep(0.35)
    print("main: done")


asyncio.run(main())
