# What: asyncio.timeout cancels the block when the deadline passes and raises TimeoutError outside.
import asyncio


async def slow_operation():
    try:
        await asyncio.sleep(0.5)
        print("slow_operation finished (not expected)")
    except asyncio.CancelledError:
        print("slow_operation: cancelled by the timeout")
        raise
    finally:
        print("slow_operation: cleanup")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(0.1) as cm:
            await slow_operation()
    except TimeoutError:
        print("TimeoutError caught")
    print("expired:", cm.expired())
    print("elapsed:", round(loop.time() - start, 1))

    async with asyncio.timeout(0.2) as cm:
        await asyncio.sleep(0.05)
        print("fast block finished")
    print("expired:", cm.expired())

    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
    print("timeout(None) when:", cm.when())


asyncio.run(main())
