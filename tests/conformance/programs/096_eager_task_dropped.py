# What: an eager task that fails inside create_task and is dropped is reported before the next line.
# Expected output: also in order (.output)
# Expected output: hand-written for CPython 3.14 because 3.13.0 reports the first task only at
# exit: its loop.create_task kept the new task in a local that the failure's traceback reached
# (gh-128552, fixed in 3.14's base_events.create_task), and it named the task 'None'. Checked
# against Pyodide's 3.14.2 with the standard library's own BaseEventLoop and C Task. An eager
# task that finished in create_task has let go of its coroutine, so its repr shows no coro=.
import asyncio


async def fails_at_once():
    raise ValueError("failed inside create_task")


async def fails_later():
    await asyncio.sleep(0)
    raise ValueError("failed in its second step")


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    asyncio.create_task(fails_at_once())
    print("after create_task")
    asyncio.create_task(fails_later())
    print("after the second create_task")
    await asyncio.sleep(0)
    print("after sleep(0)")


asyncio.run(main())
print("after asyncio.run")
