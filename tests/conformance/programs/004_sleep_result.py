# What: asyncio.sleep(delay, result) returns result; sleep(0) returns None and only yields once.
import asyncio


async def main():
    value = await asyncio.sleep(0.05, result="woke up")
    print("sleep returned:", value)
    print("sleep(0) returned:", await asyncio.sleep(0))
    items = await asyncio.sleep(0.01, result=[1, 2, 3])
    print("list result:", items)

    async def other():
        print("other task ran")

    task = asyncio.create_task(other())
    print("before sleep(0), task done:", task.done())
    await asyncio.sleep(0)
    print("after sleep(0), task done:", task.done())


asyncio.run(main())
