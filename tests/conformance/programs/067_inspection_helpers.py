# What: telling coroutines, functions, futures and awaitables apart: inspect and asyncio helpers.
import asyncio
import inspect


async def coro_func():
    return 1


def plain_func():
    return 1


async def agen_func():
    yield 1


async def main():
    coro = coro_func()
    print(
        "inspect.iscoroutinefunction:",
        inspect.iscoroutinefunction(coro_func),
        inspect.iscoroutinefunction(plain_func),
    )
    print("asyncio.iscoroutine:", asyncio.iscoroutine(coro), asyncio.iscoroutine(plain_func()))
    print("inspect.isawaitable:", inspect.isawaitable(coro), inspect.isawaitable(42))
    print("inspect.isasyncgenfunction:", inspect.isasyncgenfunction(agen_func))
    print("inspect.isasyncgen:", inspect.isasyncgen(agen_func()))
    task = asyncio.create_task(coro)
    print("asyncio.isfuture(task):", asyncio.isfuture(task))
    print("inspect.isawaitable(task):", inspect.isawaitable(task))
    print("Task is a Future:", isinstance(task, asyncio.Future))
    await task
    print("inspect.getcoroutinestate:", inspect.getcoroutinestate(coro))
    pending = coro_func()
    print("fresh coroutine state:", inspect.getcoroutinestate(pending))
    pending.close()
    print("after close:", inspect.getcoroutinestate(pending))


asyncio.run(main())
