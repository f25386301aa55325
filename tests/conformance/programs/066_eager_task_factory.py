# What: eager_task_factory (3.12+): a new task runs at once until its first real suspension.
import asyncio


async def quick():
    print("quick: runs eagerly, no await")
    return "quick result"


async def two_steps(name):
    print(f"{name}: step 1 (eager)")
    await asyncio.sleep(0.01)
    print(f"{name}: step 2")
    return name


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    print("before create_task")
    t = asyncio.create_task(quick())
    print("after create_task, done already:", t.done(), t.result())
    a = asyncio.create_task(two_steps("a"))
    b = asyncio.create_task(two_steps("b"))
    print("after creating a and b, done:", a.done(), b.done())
    print(await asyncio.gather(a, b))
    loop.set_task_factory(None)
    c = asyncio.create_task(quick())
    print("lazy again, done:", c.done())
    await c


asyncio.run(main())
