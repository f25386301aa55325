# What: asyncio.wait with FIRST_EXCEPTION stops at the first failure; ALL_COMPLETED waits for all.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} failed")
    return name


async def main():
    tasks = [
        asyncio.create_task(job("a", 0.05)),
        asyncio.create_task(job("b", 0.1, fail=True)),
        asyncio.create_task(job("c", 0.3)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION: done", len(done), "pending", len(pending))
    for t in sorted(done, key=tasks.index):
        if t.exception() is not None:
            print("  failed:", t.exception())
        else:
            print("  ok:", t.result())

    done, pending = await asyncio.wait(tasks)  # ALL_COMPLETED is the default
    print("ALL_COMPLETED: done", len(done), "pending", len(pending))
    print("results:", [t.exception() or t.result() for t in tasks])

    # With no failure, FIRST_EXCEPTION behaves like ALL_COMPLETED.
    more = [asyncio.create_task(job(n, d)) for n, d in [("x", 0.05), ("y", 0.1)]]
    done, pending = await asyncio.wait(more, return_when=asyncio.FIRST_EXCEPTION)
    print("no failure: done", len(done), "pending", len(pending))

    coro = job("coro", 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError:", e)
    coro.close()


asyncio.run(main())
