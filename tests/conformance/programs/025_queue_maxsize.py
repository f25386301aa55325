# What: a bounded Queue blocks put() when full: a fast producer waits for a slow consumer.
import asyncio


async def producer(queue):
    for i in range(5):
        print(f"put {i} (size before: {queue.qsize()})")
        await queue.put(i)
    await queue.put(None)
    print("producer done")


async def consumer(queue):
    while True:
        item = await queue.get()
        if item is None:
            break
        print(f"got {item}")
        await asyncio.sleep(0.05)
    print("consumer done")


async def main():
    queue = asyncio.Queue(maxsize=2)
    print("maxsize:", queue.maxsize, "full:", queue.full())
    await asyncio.gather(producer(queue), consumer(queue))


asyncio.run(main())
