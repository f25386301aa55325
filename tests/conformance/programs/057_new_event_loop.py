# What: the low-level loop API: new_event_loop, run_until_complete, create_future, close, is_closed.
import asyncio


async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b


loop = asyncio.new_event_loop()
print("running before:", loop.is_running(), "closed:", loop.is_closed())
print("run_until_complete:", loop.run_until_complete(add(2, 3)))

fut = loop.create_future()
loop.call_later(0.05, fut.set_result, "from a timer")
print("a future:", loop.run_until_complete(fut))

task = loop.create_task(add(10, 20))
print("a task:", loop.run_until_complete(task), task.done())


async def inside():
    return asyncio.get_running_loop() is loop and loop.is_running()


print("inside, the running loop is ours:", loop.run_until_complete(inside()))
loop.close()
print("closed:", loop.is_closed())
coro = asyncio.sleep(0)
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()  # it never ran: close it so no "never awaited" warning appears
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("no running loop:", e)
