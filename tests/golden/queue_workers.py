import asyncio

async def producer(queue):
    for job in range(4):
        await queue.put(job)
        print("queued", job)
    await queue.join()

async def worker(name, queue, lock):
    while True:
        job = await queue.get()
        async with lock:
            await asyncio.sleep(0.1 * (job + 1))
            print(name, "did", job)
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=2)
    lock = asyncio.Lock()
    workers = [asyncio.create_task(worker(f"w{i}", queue, lock)) for i in range(2)]
    await producer(queue)
    for task in workers:
        task.cancel()

asyncio.run(main())
