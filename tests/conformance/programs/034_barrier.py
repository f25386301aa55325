# What: asyncio.Barrier releases all parties together once the last one arrives; abort() breaks it.
import asyncio


async def runner(name, barrier, delay):
    await asyncio.sleep(delay)
    print(f"{name} arrived, n_waiting={barrier.n_waiting}")
    index = await barrier.wait()
    print(f"{name} released")
    return index


async def main():
    barrier = asyncio.Barrier(3)
    print("parties:", barrier.parties)
    indexes = await asyncio.gather(
        runner("a", barrier, 0.15), runner("b", barrier, 0.05), runner("c", barrier, 0.25)
    )
    print("indexes returned by wait():", sorted(indexes))

    async def stuck():
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            print("stuck: BrokenBarrierError")

    task = asyncio.create_task(stuck())
    await asyncio.sleep(0.01)
    await barrier.abort()
    await task
    print("broken:", barrier.broken)


asyncio.run(main())
