# What: loop.run_in_executor with the default and an explicit thread pool; errors propagate.
import asyncio
import concurrent.futures
import time


def blocking_square(x, delay):
    time.sleep(delay)
    return x * x


def blocking_fail():
    time.sleep(0.01)
    raise OSError("disk not found")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, blocking_square, 7, 0.05)
    print("returns an asyncio future:", asyncio.isfuture(fut))
    print("default executor:", await fut)

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futs = [loop.run_in_executor(pool, blocking_square, x, d) for x, d in [(2, 0.1), (3, 0.05)]]
        print("explicit pool:", await asyncio.gather(*futs))

    try:
        await loop.run_in_executor(None, blocking_fail)
    except OSError as e:
        print("OSError from the thread:", e)


asyncio.run(main())
