# What: callbacks scheduled with call_at for one shared deadline: CPython pops them from a heap.
# Two ties run in scheduling order; with more ties the heap (which compares deadlines only)
# decides, e.g. 0 2 1 3 4 for five. Runtimes must reproduce heapq's order, not a stable sort.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    when = loop.time() + 0.05
    for name in ("first", "second"):
        loop.call_at(when, print, "pair:", name)
    await asyncio.sleep(0.1)

    when = loop.time() + 0.05
    for i in range(5):
        loop.call_at(when, print, "five:", i)
    await asyncio.sleep(0.1)

    when = loop.time() + 0.05
    loop.call_at(when + 0.05, print, "later deadline, scheduled first")
    loop.call_at(when, print, "earlier deadline, scheduled second")
    await asyncio.sleep(0.15)
    print("done")


asyncio.run(main())
