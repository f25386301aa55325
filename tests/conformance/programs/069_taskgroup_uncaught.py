# What: an ExceptionGroup from a TaskGroup that nobody catches: grouped traceback on stderr, exit 1.
import asyncio


async def check(name, ok):
    await asyncio.sleep(0)
    if not ok:
        raise ValueError(f"{name} failed")
    print(f"{name} passed")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(check("lint", True))
        tg.create_task(check("tests", False))
        tg.create_task(check("types", False))


asyncio.run(main())
