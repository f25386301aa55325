# What: several TaskGroup children fail together: one ExceptionGroup, split by type with except*.
import asyncio


async def fail(exc_type, message, delay):
    await asyncio.sleep(delay)
    raise exc_type(message)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            # sleep(0): all three fail in the same loop iteration, before any cancellation.
            tg.create_task(fail(ValueError, "v1", 0))
            tg.create_task(fail(TypeError, "t1", 0))
            tg.create_task(fail(ValueError, "v2", 0))
    except* ValueError as eg:
        print("ValueErrors:", sorted(str(e) for e in eg.exceptions))
    except* TypeError as eg:
        print("TypeErrors:", sorted(str(e) for e in eg.exceptions))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(KeyError, "k", 0.01))
    except ExceptionGroup as eg:
        print("plain except ExceptionGroup:", len(eg.exceptions), repr(eg.exceptions[0]))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError, "child", 0.1))
            raise RuntimeError("body failed first")
    except* RuntimeError as eg:
        print("body error is grouped too:", [str(e) for e in eg.exceptions])


asyncio.run(main())
