# What: Queue with a producer and two workers; join() waits for a task_done() per item.
import asyncio


async def producer(queue):
    for i in range(5):
        await queue.put(f"job-{i}")
        print(f"produced job-{i}")
        await asyncio.sleep(0)


async def worker(name, queue, done):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.05)
        done.append((name, item))
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    done = []
    workers = [asyncio.create_task(worker(f"w{i}", queue, done)) for i in range(2)]
    await producer(queue)
    print("producer finished, items waiting:", queue.qsize())
    await queue.join()
    print("join() returned, queue empty:", queue.empty())
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("processed:", sorted(item for _, item in done))
    print("each worker did some:", sorted({name for name, _ in done}))


asyncio.run(main())
