# A callback that schedules itself forever stops at the iteration limit.
import asyncio


def again(loop):
    loop.call_soon(again, loop)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(again, loop)
    await asyncio.Event().wait()


asyncio.run(main())
