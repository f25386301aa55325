# What: Task.cancel() throws CancelledError into the task; finally blocks run; cancelled() is True.
import asyncio


async def worker():
    print("worker: started")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("worker: got CancelledError")
        raise
    finally:
        print("worker: finally block")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.05)
    print("cancel() returned:", task.cancel())
    print("cancelling() count:", task.cancelling())
    print("done right after cancel():", task.done())
    try:
        await task
    except asyncio.CancelledError:
        print("main: awaiting the task raised CancelledError")
    print("cancelled():", task.cancelled(), "done():", task.done())
    print("cancel() on a finished task:", task.cancel())

    print("CancelledError is an Exception?", issubclass(asyncio.CancelledError, Exception))
    print("CancelledError is a BaseException?", issubclass(asyncio.CancelledError, BaseException))


asyncio.run(main())
