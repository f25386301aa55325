# What: gather(return_exceptions=True) puts exceptions in the result list instead of raising.
import asyncio


async def ok(value, delay):
    await asyncio.sleep(delay)
    return value


async def fail(message, delay):
    await asyncio.sleep(delay)
    raise ValueError(message)


async def main():
    results = await asyncio.gather(
        ok("a", 0.1),
        fail("bad b", 0.05),
        ok("c", 0.01),
        fail("bad d", 0.15),
        return_exceptions=True,
    )
    for r in results:
        if isinstance(r, BaseException):
            print("exception:", type(r).__name__, r)
        else:
            print("value:", r)

    async def cancelled():
        raise asyncio.CancelledError()

    results = await asyncio.gather(cancelled(), ok("still fine", 0), return_exceptions=True)
    print([type(r).__name__ for r in results])


asyncio.run(main())
