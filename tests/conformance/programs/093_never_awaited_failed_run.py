# What: asyncio.run fails before main() starts; "never awaited" names the line that freed main().
import asyncio


async def main():
    print("never printed")


def no_loop():
    raise OSError("no loop today")


def start(factory):
    try:
        asyncio.run(main(), loop_factory=factory)
    except OSError as exc:
        print("asyncio.run failed:", exc)
    print("start() returns")


start(no_loop)


async def outer():
    try:
        asyncio.run(main())
    except RuntimeError as exc:
        message = str(exc)
    print("nested asyncio.run:", message)


asyncio.run(outer())
print("end")
