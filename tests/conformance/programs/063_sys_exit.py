# What: sys.exit(3) inside a coroutine ends the program with status 3 and no traceback.
import asyncio
import sys


async def cleanup_worker():
    try:
        await asyncio.sleep(1)
    finally:
        print("worker: cleanup runs when asyncio.run cancels leftover tasks")


async def main():
    asyncio.create_task(cleanup_worker())
    await asyncio.sleep(0.01)
    print("main: about to exit with status 3")
    sys.exit(3)
    print("never printed")


try:
    asyncio.run(main())
finally:
    print("finally at module level still runs")
