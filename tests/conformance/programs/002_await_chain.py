# What: coroutines awaiting coroutines: return values flow back up, awaits run one after another.
import asyncio


async def fetch(name, delay):
    print(f"fetch {name}: start")
    await asyncio.sleep(delay)
    print(f"fetch {name}: done")
    return f"<{name}>"


async def combine():
    first = await fetch("a", 0.1)
    second = await fetch("b", 0.1)
    return first + second


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    result = await combine()
    print("result:", result)
    # Sequential awaits add up: 0.1 + 0.1 seconds.
    print("elapsed:", round(loop.time() - start, 1))
    return "finished"


value = asyncio.run(main())
print("main returned:", value)
