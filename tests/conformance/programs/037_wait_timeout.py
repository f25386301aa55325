# What: asyncio.wait(timeout=...) returns what finished in time and leaves the rest running.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name


async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("a", 0.05), ("b", 0.1), ("c", 0.3)]]
    done, pending = await asyncio.wait(tasks, timeout=0.2)
    print("after timeout: done", sorted(t.result() for t in done), "pending", len(pending))
    (straggler,) = pending
    print("straggler not cancelled:", not straggler.cancelled())
    straggler.cancel()
    done, pending = await asyncio.wait(pending)
    print("after cancel: straggler cancelled:", straggler.cancelled())

    done, pending = await asyncio.wait([asyncio.create_task(job("d", 0.3))], timeout=0.05)
    print("nothing in time: done", len(done), "pending", len(pending))
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)


asyncio.run(main())
