# What: asyncio.to_thread runs blocking functions (time.sleep) in threads without blocking the loop.
import asyncio
import time


def blocking_io(name, seconds):
    time.sleep(seconds)
    return f"{name} slept {seconds}"


async def heartbeat(stop):
    beats = 0
    while not stop.is_set():
        beats += 1
        await asyncio.sleep(0.05)
    return beats


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    stop = asyncio.Event()
    beat_task = asyncio.create_task(heartbeat(stop))
    results = await asyncio.gather(
        asyncio.to_thread(blocking_io, "a", 0.2),
        asyncio.to_thread(blocking_io, "b", 0.1),
    )
    stop.set()
    print("results:", results)
    print("both ran at once, elapsed:", round(loop.time() - start, 1))
    print("the loop kept beating:", await beat_task >= 2)

    order = []
    for next_done in asyncio.as_completed(
        [asyncio.to_thread(blocking_io, "slow", 0.2), asyncio.to_thread(blocking_io, "quick", 0.05)]
    ):
        order.append(await next_done)
    print("completion order:", order)


asyncio.run(main())
