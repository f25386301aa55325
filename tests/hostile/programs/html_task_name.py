# A task name with HTML is only text.
import asyncio


async def main():
    task = asyncio.create_task(asyncio.sleep(0), name="<img src=x onerror=alert(1)>")
    await task
    print(task.get_name())


asyncio.run(main())
