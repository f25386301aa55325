# What: Semaphore(2) lets at most two tasks in at once; the others wait their turn.
import asyncio

active = 0
peak = 0


async def download(name, sem, delay):
    global active, peak
    async with sem:
        active += 1
        peak = max(peak, active)
        print(f"{name} start (active={active})")
        await asyncio.sleep(delay)
        active -= 1
        print(f"{name} end")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(
        download("a", sem, 0.1),
        download("b", sem, 0.2),
        download("c", sem, 0.15),
        download("d", sem, 0.12),
    )
    print("peak concurrency:", peak)
    print("semaphore locked?", sem.locked())


asyncio.run(main())
