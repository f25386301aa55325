# What: a failing child cancels its TaskGroup siblings; except* catches the error from the group.
import asyncio

cancelled = []


async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished")
    except asyncio.CancelledError:
        cancelled.append(name)
        raise


async def broken(delay):
    await asyncio.sleep(delay)
    print("broken: raising ValueError")
    raise ValueError("sensor offline")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("quick", 0.01))
            tg.create_task(worker("slow-1", 0.3))
            tg.create_task(broken(0.1))
            tg.create_task(worker("slow-2", 0.4))
            await asyncio.sleep(1)
            print("never printed: the body is cancelled too")
    except* ValueError as eg:
        print("caught:", type(eg).__name__, eg.message)
        for exc in eg.exceptions:
            print("  -", type(exc).__name__, exc)
    # TaskGroup cancels the siblings by walking a set of tasks: the order is not defined.
    print("cancelled siblings:", sorted(cancelled))
    print("main continues")


asyncio.run(main())
