# What: the seed example, verbatim below this header: two coroutines awaited one after another.
import asyncio

async def greet(name):
    print(f"Hello, {name}!")

async def main():
    await greet("Alice")
    await greet("Bob")

asyncio.run(main())
