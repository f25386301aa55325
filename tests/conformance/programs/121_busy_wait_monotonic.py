# What: busy-waits on time.monotonic(), time.perf_counter() and the _ns clocks all end, each after its own length.
import asyncio
import time


async def main():
    start = time.monotonic()
    while time.monotonic() - start < 0.2:
        pass
    print("monotonic", round(time.monotonic() - start, 1))

    start = time.perf_counter()
    while time.perf_counter() - start < 0.3:
        pass
    print("perf_counter", round(time.perf_counter() - start, 1))

    start_ns = time.monotonic_ns()
    while time.monotonic_ns() - start_ns < 200_000_000:
        pass
    print("monotonic_ns", round((time.monotonic_ns() - start_ns) / 1e9, 1))

    start_ns = time.perf_counter_ns()
    while time.perf_counter_ns() - start_ns < 100_000_000:
        pass
    print("perf_counter_ns", round((time.perf_counter_ns() - start_ns) / 1e9, 1))

    start_ns = time.time_ns()
    while time.time_ns() - start_ns < 200_000_000:
        pass
    print("time_ns", round((time.time_ns() - start_ns) / 1e9, 1))


asyncio.run(main())
