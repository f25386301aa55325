# Tasks that spawn tasks forever stop at the task limit.
import asyncio


async def spawn():
    asyncio.create_task(spawn())
    asyncio.create_task(spawn())


async def main():
    asyncio.create_task(spawn())
    await asyncio.Event().wait()


asyncio.run(main())
