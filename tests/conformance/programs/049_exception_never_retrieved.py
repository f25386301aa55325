# What: a task fails and nobody awaits it: "Task exception was never retrieved" on stderr.
import asyncio


async def faulty():
    await asyncio.sleep(0.01)
    raise ValueError("nobody is listening")


async def main():
    asyncio.create_task(faulty())  # the task object is dropped on the floor
    await asyncio.sleep(0.1)
    print("main: the failed task was garbage-collected by now")
    task = asyncio.create_task(faulty())
    await asyncio.sleep(0.1)
    print("main: kept a reference, done:", task.done())
    print("main: retrieving it silences the log:", repr(task.exception()))


asyncio.run(main())
print("program exits normally")
