# What: shield() keeps the inner task running when the outer await is cancelled.
import asyncio


async def important_write():
    print("write: started")
    await asyncio.sleep(0.2)
    print("write: committed")
    return "saved"


async def caller(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("caller: cancelled while waiting on the shield")
        raise


async def main():
    inner = asyncio.create_task(important_write())
    outer = asyncio.create_task(caller(inner))
    await asyncio.sleep(0.05)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("main: outer cancelled:", outer.cancelled())
    print("main: inner cancelled?", inner.cancelled(), "done?", inner.done())
    print("main: inner result:", await inner)

    # Without shield, cancelling the waiter cancels the inner task too.
    inner = asyncio.create_task(important_write())
    waiter = asyncio.create_task(asyncio.wait_for(inner, None))
    await asyncio.sleep(0.05)
    waiter.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main: unshielded inner cancelled?", inner.cancelled())


asyncio.run(main())
