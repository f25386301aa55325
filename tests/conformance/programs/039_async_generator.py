# What: async generators: async for, asend() into a running generator, aclose() runs finally blocks.
import asyncio


async def ticker(count, delay):
    try:
        for i in range(count):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker: finally (closed or exhausted)")


async def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value


async def main():
    async for tick in ticker(3, 0.01):
        print("tick", tick)

    gen = ticker(10, 0.01)
    async for tick in gen:
        if tick == 1:
            break
    print("broke out of the loop; closing explicitly")
    await gen.aclose()

    acc = accumulator()
    print("start:", await acc.asend(None))
    print("after 5:", await acc.asend(5))
    print("after 7:", await acc.asend(7))
    try:
        await acc.asend(None)
    except StopAsyncIteration:
        print("accumulator finished: StopAsyncIteration")

    numbers = ticker(2, 0)
    print("anext:", await anext(numbers), await anext(numbers))
    print("anext default:", await anext(numbers, "exhausted"))


asyncio.run(main())
