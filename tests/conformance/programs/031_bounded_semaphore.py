# What: BoundedSemaphore raises ValueError on a release too many; a plain Semaphore does not.
import asyncio


async def main():
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    print("acquired, locked:", sem.locked())
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)

    plain = asyncio.Semaphore(1)
    plain.release()  # allowed: the counter just grows
    await plain.acquire()
    await plain.acquire()
    print("plain semaphore acquired twice after an extra release")

    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
