# What: input() reads lines from stdin (even inside a coroutine); the prompt goes to stdout.
import asyncio


async def main():
    name = input("Your name: ")
    print(f"Hello, {name}!")
    count = int(input("How many tasks? "))

    async def work(i):
        await asyncio.sleep(0.01 * i)
        return i * i

    results = await asyncio.gather(*(work(i) for i in range(count)))
    print("squares:", results)
    print("last line:", input())


asyncio.run(main())
