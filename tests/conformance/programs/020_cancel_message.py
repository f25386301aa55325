# What: cancel(msg) passes a message along with CancelledError, inside the task and to awaiters.
import asyncio


async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inside the task, args:", e.args)
        raise


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    task.cancel("shutting down")
    try:
        await task
    except asyncio.CancelledError as e:
        print("awaiter sees args:", e.args)

    task = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError as e:
        print("no message, args:", e.args)

    fut = asyncio.get_running_loop().create_future()
    fut.cancel(msg="future message")
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("future result() raises with args:", e.args)


asyncio.run(main())
