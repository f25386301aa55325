# What: asyncio.Condition: wait_for(predicate), notify(n) and notify_all() wake waiting tasks.
import asyncio

items = []


async def consumer(name, cond):
    async with cond:
        await cond.wait_for(lambda: len(items) > 0)
        item = items.pop(0)
        print(f"{name} took {item}")


async def listener(name, cond):
    async with cond:
        await cond.wait()
        print(f"{name} notified")


async def main():
    cond = asyncio.Condition()
    consumers = [asyncio.create_task(consumer(f"c{i}", cond)) for i in range(3)]
    await asyncio.sleep(0.01)
    async with cond:
        items.extend(["x", "y", "z"])
        cond.notify_all()
    await asyncio.gather(*consumers)

    listeners = [asyncio.create_task(listener(f"l{i}", cond)) for i in range(3)]
    await asyncio.sleep(0.01)
    async with cond:
        cond.notify(1)
    await asyncio.sleep(0.01)
    print("after notify(1)")
    async with cond:
        cond.notify_all()
    await asyncio.gather(*listeners)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
