# What: with the collector off, a TaskGroup's failed task and its exception are freed by refcounts.
# Expected output: also in order (.output)
# Expected output: hand-written for CPython 3.14 because 3.13.0 still has the reference cycles
# these lines check: its TaskGroup.__aexit__ kept the errors, the parent task and the exception
# (3.14 clears them in a finally), and its loop.create_task held the new task in a local that the
# failure's traceback reached (gh-128552). They are CPython 3.14's test_exception_refcycles_*
# tests of test_taskgroups.py; checked against Pyodide's 3.14.2 with the stdlib's own loop.
import asyncio
import gc
import weakref


class Done(Exception):
    pass


def referrers(exc):
    return sorted(type(ref).__name__ for ref in gc.get_referrers(exc))


async def fails():
    raise Done("dropped")


async def nested_group(tg):
    async with tg:
        raise Done("in the nested group")


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            task_ref = weakref.ref(outer.create_task(nested_group(asyncio.TaskGroup())))
    except* Done as excs:
        exc = excs.exceptions[0].exceptions[0]
    print("failed child task freed:", task_ref() is None)
    print("referrers of its exception:", referrers(exc))

    try:
        async with asyncio.TaskGroup():
            raise Done("in the body")
    except* Done as excs:
        exc = excs.exceptions[0]
    print("referrers of the body's exception:", referrers(exc))

    asyncio.create_task(fails())  # dropped: reported before the next print, collector or not
    await asyncio.sleep(0)
    print("after sleep(0)")


gc.disable()
asyncio.run(main())
gc.enable()
print("after asyncio.run")
