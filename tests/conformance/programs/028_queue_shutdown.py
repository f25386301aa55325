# What: Queue.shutdown() (3.13+): put() fails at once, get() drains then raises QueueShutDown.
import asyncio


async def consumer(queue):
    while True:
        try:
            item = await queue.get()
        except asyncio.QueueShutDown:
            print("consumer: queue shut down, stopping")
            return
        print("consumer got", item)
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for i in range(3):
        queue.put_nowait(i)
    task = asyncio.create_task(consumer(queue))
    await asyncio.sleep(0.05)
    queue.shutdown()
    try:
        await queue.put(99)
    except asyncio.QueueShutDown:
        print("put after shutdown: QueueShutDown")
    await task

    queue = asyncio.Queue()
    for i in range(3):
        queue.put_nowait(i)
    queue.shutdown(immediate=True)
    print("immediate shutdown drops items, empty:", queue.empty())
    try:
        queue.get_nowait()
    except asyncio.QueueShutDown:
        print("get_nowait after immediate shutdown: QueueShutDown")
    await queue.join()
    print("join() returns: dropped items count as done")


asyncio.run(main())
