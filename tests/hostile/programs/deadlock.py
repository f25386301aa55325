# Awaiting what nothing will ever set is a deadlock, named as such.
import asyncio


async def main():
    await asyncio.get_running_loop().create_future()


asyncio.run(main())
