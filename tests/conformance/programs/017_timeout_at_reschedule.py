# What: asyncio.timeout_at with an absolute deadline, and moving a deadline with reschedule().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout_at(start + 0.1) as cm:
            print("deadline is start + 0.1:", round(cm.when() - start, 2))
            await asyncio.sleep(0.3)
    except TimeoutError:
        print("timeout_at fired after", round(loop.time() - start, 1))

    start = loop.time()
    async with asyncio.timeout(None) as cm:
        print("no deadline yet:", cm.when())
        cm.reschedule(loop.time() + 0.4)
        await asyncio.sleep(0.1)
        print("still inside, expired:", cm.expired())
    print("block finished before the new deadline")

    start = loop.time()
    try:
        async with asyncio.timeout(0.4) as cm:
            cm.reschedule(loop.time() + 0.1)  # tighten it
            await asyncio.sleep(0.3)
    except TimeoutError:
        print("tightened timeout fired after", round(loop.time() - start, 1))


asyncio.run(main())
