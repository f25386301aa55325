# What: a custom exception handler hears of a dropped failed task as soon as the task is freed.
# Expected output: also in order (.output)
import asyncio


def handler(loop, context):
    task = context["future"]
    print("handler:", context["message"])
    print("handler: task", task.get_name(), "raised", repr(context["exception"]))


async def fails():
    await asyncio.sleep(0.01)
    raise LookupError("nobody awaits me")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    asyncio.create_task(fails(), name="dropped")
    print("main: started the task")
    await asyncio.sleep(0.1)
    print("main: after sleep(0.1)")

    loop.set_exception_handler(None)  # back to the default handler, which logs to stderr
    asyncio.create_task(fails(), name="dropped again")
    await asyncio.sleep(0.1)
    print("main: after the default handler")


asyncio.run(main())
print("after asyncio.run")
