# What: PriorityQueue gives the smallest item first, LifoQueue the newest; join/task_done too.
import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        pq.put_nowait(item)
    while not pq.empty():
        print("priority:", await pq.get())
        pq.task_done()
    await pq.join()
    print("priority queue joined")

    lq = asyncio.LifoQueue()
    for word in ["first", "second", "third"]:
        await lq.put(word)
    print("lifo:", [lq.get_nowait() for _ in range(lq.qsize())])

    async def waiter():
        item = await pq.get()
        print("waiter got", item)
        pq.task_done()

    task = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    await pq.put((5, "late"))
    await pq.join()
    await task
    print("join returned after the waiter's task_done")


asyncio.run(main())
