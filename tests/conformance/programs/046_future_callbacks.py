# What: Futures: add_done_callback order, remove_done_callback, set_result waking an awaiting task.
import asyncio


def report(label):
    def callback(fut):
        print(f"{label}: result={fut.result()!r}")

    return callback


async def waiter(fut):
    print("waiter: awaiting the future")
    value = await fut
    print("waiter: got", value)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(waiter(fut))
    fut.add_done_callback(report("cb1"))
    cb2 = report("cb2")
    fut.add_done_callback(cb2)
    fut.add_done_callback(report("cb3"))
    print("removed:", fut.remove_done_callback(cb2))
    await asyncio.sleep(0)
    loop.call_later(0.05, fut.set_result, "payload")
    await task
    print("done:", fut.done(), "cancelled:", fut.cancelled())
    fut.add_done_callback(report("late"))  # on a done future: scheduled with call_soon
    print("late callback added")
    await asyncio.sleep(0)

    failing = loop.create_future()
    failing.set_exception(ValueError("bad"))
    try:
        await failing
    except ValueError as e:
        print("await raised:", repr(e))


asyncio.run(main())
