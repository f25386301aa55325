# What: asyncio.run's loop_factory raises, uncaught: the traceback, then "never awaited" at exit.
import asyncio


async def main():
    print("never printed")


async def helper():
    pass


def broken_factory():
    raise OSError("the factory failed")


forgotten = helper()  # never awaited either: freed when the program's globals are
print("starting")
asyncio.run(main(), loop_factory=broken_factory)
print("never reached")
