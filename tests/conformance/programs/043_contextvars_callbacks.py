# What: contextvars in callbacks: call_soon copies the current context unless context= is given.
import asyncio
import contextvars

user = contextvars.ContextVar("user")


def show(label):
    print(label, user.get("<unset>"))


async def main():
    loop = asyncio.get_running_loop()
    user.set("alice")
    loop.call_soon(show, "call_soon copied:")
    user.set("bob")
    loop.call_soon(show, "call_soon copied:")
    empty = contextvars.Context()
    loop.call_soon(show, "empty context:", context=empty)
    await asyncio.sleep(0)

    def set_user():
        user.set("carol")

    ctx = contextvars.copy_context()
    loop.call_soon(set_user, context=ctx)
    loop.call_soon(show, "same ctx object:", context=ctx)
    await asyncio.sleep(0)
    show("main task:")

    fut = loop.create_future()
    user.set("dave")
    fut.add_done_callback(lambda f: show("done callback:"))
    user.set("erin")
    fut.set_result(None)
    await asyncio.sleep(0)
    show("main task at the end:")


asyncio.run(main())
