# What: contextvars: each task starts with a copy of its creator's context; its changes stay inside.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")


async def handler(name):
    print(f"{name} sees {request_id.get()}")
    request_id.set(f"changed-by-{name}")
    await asyncio.sleep(0.01)
    print(f"{name} now sees {request_id.get()}")


async def main():
    print("main starts with", request_id.get())
    request_id.set("req-1")
    task = asyncio.create_task(handler("task-a"))
    request_id.set("req-2")  # after create_task: the task already has its copy
    await task
    print("main still sees", request_id.get())

    await asyncio.gather(handler("g1"), handler("g2"))
    print("after gather, main sees", request_id.get())

    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "in-explicit-context")
    await asyncio.create_task(handler("explicit"), context=ctx)
    print("explicit context now holds", ctx[request_id])
    print("main finally sees", request_id.get())


asyncio.run(main())
