# Catching BaseException around every sleep cannot keep a stopped run going.
import asyncio


async def main():
    while True:
        try:
            await asyncio.sleep(60)
        except BaseException:
            pass


asyncio.run(main())
