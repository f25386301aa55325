# What: async comprehensions: async for and await inside list, set, dict and generator expressions.
import asyncio


async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def double(x):
    await asyncio.sleep(0.01)
    return x * 2


async def main():
    print("list:", [i async for i in numbers(5)])
    print("filtered:", [i async for i in numbers(10) if i % 3 == 0])
    print("awaits:", [await double(i) for i in range(4)])
    print("set:", sorted({i % 3 async for i in numbers(7)}))
    print("dict:", {i: await double(i) async for i in numbers(3)})
    gen = (await double(i) async for i in numbers(3))
    print("async genexp type:", type(gen).__name__)
    print("consumed:", [x async for x in gen])


asyncio.run(main())
