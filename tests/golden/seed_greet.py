import asyncio

async def greet(name):
    print(f"Hello, {name}!")

async def main():
    await greet("Alice")
    await greet("Bob")

asyncio.run(main())
