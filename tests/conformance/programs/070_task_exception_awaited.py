# What: a task's exception reaches whoever awaits it, with the task's frames in its traceback.
import asyncio
import traceback


async def divide(a, b):
    await asyncio.sleep(0.01)
    return a / b


async def main():
    task = asyncio.create_task(divide(1, 0))
    try:
        await task
    except ZeroDivisionError as e:
        print("caught:", repr(e))
        frames = [f.name for f in traceback.extract_tb(e.__traceback__)]
        print("frames in the traceback:", frames)
    print("task.exception():", repr(task.exception()))
    print("result() raises it again:", end=" ")
    try:
        task.result()
    except ZeroDivisionError:
        print("ZeroDivisionError")


asyncio.run(main())
