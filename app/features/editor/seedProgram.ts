/** The program the editor opens with. */
export const SEED_PROGRAM = `import asyncio

async def greet(name):
    print(f"Hello, {name}!")

async def main():
    await greet("Alice")
    await greet("Bob")

asyncio.run(main())
`;
