# What: without return_exceptions, gather raises the first exception; other children keep running.
import asyncio


async def ok(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished anyway")
    return name


async def fail(delay):
    await asyncio.sleep(delay)
    print("fail raising")
    raise KeyError("missing")


async def main():
    slow = asyncio.create_task(ok("slow", 0.2))
    try:
        await asyncio.gather(ok("fast", 0.01), fail(0.05), slow)
    except KeyError as e:
        print("gather raised KeyError:", e)
    print("slow cancelled?", slow.cancelled(), "done?", slow.done())
    await asyncio.sleep(0.25)
    print("slow done?", slow.done(), "result:", slow.result())


asyncio.run(main())
