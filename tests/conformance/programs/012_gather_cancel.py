# What: cancelling a gather cancels its children; a child's cancellation makes gather raise.
import asyncio


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    group = asyncio.gather(child("a", 0.3), child("b", 0.3))
    await asyncio.sleep(0.05)
    print("cancel gather:", group.cancel())
    try:
        await group
    except asyncio.CancelledError:
        print("awaiting the gather raised CancelledError")
    print("gather cancelled():", group.cancelled())

    t1 = asyncio.create_task(child("c", 0.15))
    t2 = asyncio.create_task(child("d", 0.3))
    group = asyncio.gather(t1, t2)
    await asyncio.sleep(0.05)
    t2.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print("one child cancelled -> gather raised CancelledError")
    print("c still finishes:", await t1)


asyncio.run(main())
