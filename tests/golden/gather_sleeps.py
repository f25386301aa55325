import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name

async def main():
    results = await asyncio.gather(fetch("a", 1), fetch("b", 2), fetch("c", 3))
    print(results)

asyncio.run(main())
