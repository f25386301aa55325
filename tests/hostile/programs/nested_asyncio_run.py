# asyncio.run inside a running loop fails as in CPython, and the warning names no runtime file.
import asyncio


async def inner():
    pass


async def main():
    asyncio.run(inner())


asyncio.run(main())
