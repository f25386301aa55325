# What: run_in_executor's future is dropped and its function fails: reported once the future is done.
# Expected output: also in order (.output)
import asyncio
import time


def slow_failure(seconds):
    time.sleep(seconds)
    raise OSError(f"gave up after {seconds} s")


async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, slow_failure, 0.05)  # the future is dropped
    print("main: submitted")
    await asyncio.sleep(0.2)
    print("main: after sleep(0.2)")

    try:
        await loop.run_in_executor(None, slow_failure, 0.05)
    except OSError as exc:
        print("main: awaited, so retrieved:", exc)
    await asyncio.sleep(0.1)
    print("main: nothing more was reported")


asyncio.run(main())
print("after asyncio.run")
