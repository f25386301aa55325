import asyncio

async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def broken():
    await asyncio.sleep(0.5)
    raise ValueError("sensor offline")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("slow", 2))
            tg.create_task(worker("slower", 3))
            tg.create_task(broken())
    except* ValueError as group:
        print("caught:", group.exceptions[0])

asyncio.run(main())
