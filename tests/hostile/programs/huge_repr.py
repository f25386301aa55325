# A huge repr in a traced result does not flood the trace or the output.
import asyncio


class Huge:
    def __repr__(self):
        return "x" * 10**7


async def work():
    return Huge()


async def main():
    result = await asyncio.create_task(work())
    print(type(result).__name__)


asyncio.run(main())
