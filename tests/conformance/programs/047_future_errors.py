# What: Future misuse errors: result() too early, setting twice, exception() of a cancelled future.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    for method in (fut.result, fut.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print(f"{method.__name__}() on pending: InvalidStateError: {e}")
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("set_result twice: InvalidStateError")
    print("exception() when successful:", fut.exception())

    fut = loop.create_future()
    fut.set_exception(KeyError("k"))
    print("exception():", repr(fut.exception()))
    try:
        fut.result()
    except KeyError as e:
        print("result() re-raises:", repr(e))

    fut = loop.create_future()
    print("cancel():", fut.cancel(), "cancelled():", fut.cancelled())
    for method in (fut.result, fut.exception):
        try:
            method()
        except asyncio.CancelledError:
            print(f"{method.__name__}() on cancelled: CancelledError")
    fut = loop.create_future()
    fut.set_exception(KeyError)  # an exception class is instantiated for you
    print("exception() from a class:", repr(fut.exception()))
    print("isfuture:", asyncio.isfuture(fut), asyncio.isfuture(42))


asyncio.run(main())
