# What: put_nowait/get_nowait raise QueueFull/QueueEmpty; one task_done() too many raises.
import asyncio


async def main():
    queue = asyncio.Queue(maxsize=1)
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        print("get_nowait on empty queue: QueueEmpty")
    queue.put_nowait("only")
    try:
        queue.put_nowait("extra")
    except asyncio.QueueFull:
        print("put_nowait on full queue: QueueFull")
    print("got:", queue.get_nowait())
    queue.task_done()
    try:
        queue.task_done()
    except ValueError as e:
        print("ValueError:", e)

    try:
        await asyncio.wait_for(queue.get(), timeout=0.05)
    except TimeoutError:
        print("get() timed out on an empty queue")
    print("queue still usable:", queue.empty())


asyncio.run(main())
