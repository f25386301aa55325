# What: a failed task nobody holds is reported when it is freed, before the program's next print.
# Expected output: also in order (.output)
import asyncio


async def fails(name):
    raise ValueError(f"{name} failed")


async def main():
    loop = asyncio.get_running_loop()
    # Fails in the same loop iteration as main's next step: reported between the two.
    loop.create_task(fails("fire-and-forget"))
    await asyncio.sleep(0)
    print("after sleep(0)")

    # Fails in an iteration of its own (main sleeps): reported before main wakes.
    asyncio.create_task(fails("alone in its iteration"))
    await asyncio.sleep(0.1)
    print("after sleep(0.1)")

    # Held by a variable: reported when the last reference goes.
    task = asyncio.create_task(fails("held"))
    await asyncio.sleep(0)
    print("the held task is done:", task.done())
    del task
    print("after del task")


asyncio.run(main())
print("after asyncio.run")
