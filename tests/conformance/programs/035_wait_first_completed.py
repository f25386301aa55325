# What: asyncio.wait(FIRST_COMPLETED) returns (done, pending) sets as soon as one task finishes.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    tasks = {
        asyncio.create_task(job("slow", 0.3), name="slow"),
        asyncio.create_task(job("fast", 0.05), name="fast"),
        asyncio.create_task(job("medium", 0.15), name="medium"),
    }
    pending = tasks
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        # wait() returns sets: sort before printing, never rely on set order.
        finished = sorted(t.result() for t in done)
        print("done:", finished, "pending:", sorted(t.get_name() for t in pending))
    print("types:", type(done).__name__, type(pending).__name__)


asyncio.run(main())
