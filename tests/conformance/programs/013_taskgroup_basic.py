# What: TaskGroup waits for every child on exit; results are read from the tasks afterwards.
import asyncio


async def fetch(n, delay):
    print(f"fetch {n} start")
    await asyncio.sleep(delay)
    print(f"fetch {n} end")
    return n * 10


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(fetch(1, 0.15))
        t2 = tg.create_task(fetch(2, 0.05), name="second")
        print("inside the block, t1 done:", t1.done())
        t3 = tg.create_task(fetch(3, 0.25))
    print("after the block:", t1.result(), t2.result(), t3.result())
    print("names:", t2.get_name())
    async with asyncio.TaskGroup() as tg:
        pass
    print("an empty group exits at once")


asyncio.run(main())
