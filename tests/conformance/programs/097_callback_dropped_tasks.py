# What: tasks started by callbacks and dropped, and a failing callback, reported in program order.
# Expected output: also in order (.output)
import asyncio


async def fails(name):
    raise KeyError(name)


def start_task(loop, name):
    loop.create_task(fails(name))  # the task is dropped at once
    print("callback started", name)


def broken_callback():
    print("broken callback runs")
    raise RuntimeError("the callback fails")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(start_task, loop, "from call_soon")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("after two sleep(0)")

    loop.call_later(0.05, start_task, loop, "from call_later")
    await asyncio.sleep(0.1)
    print("after sleep(0.1)")

    loop.call_soon(broken_callback)
    await asyncio.sleep(0)
    print("after the broken callback")


asyncio.run(main())
print("after asyncio.run")
