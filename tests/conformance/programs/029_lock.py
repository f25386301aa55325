# What: asyncio.Lock makes tasks take turns in a critical section; waiters get it in FIFO order.
import asyncio

counter = 0


async def increment(name, lock):
    global counter
    async with lock:
        print(f"{name} acquired")
        current = counter
        await asyncio.sleep(0.02)  # yield while holding the lock
        counter = current + 1
        print(f"{name} released, counter={counter}")


async def main():
    lock = asyncio.Lock()
    print("locked at start:", lock.locked())
    await asyncio.gather(*(increment(n, lock) for n in ["A", "B", "C"]))
    print("final counter:", counter)

    await lock.acquire()
    print("manual acquire, locked:", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
