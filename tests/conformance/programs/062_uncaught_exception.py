# What: an exception escaping main: asyncio.run re-raises it, traceback to stderr, exit status 1.
import asyncio


async def parse(text):
    await asyncio.sleep(0.01)
    return int(text)


async def main():
    print("parsing 42:", await parse("42"))
    print("parsing 'forty-two'...")
    value = await parse("forty-two")
    print("never printed", value)


asyncio.run(main())
print("never printed either")
