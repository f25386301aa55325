# What: task introspection: current_task, all_tasks, names, done/cancelled, get_coro().__name__.
import asyncio


async def worker(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    me = asyncio.current_task()
    print("main task name:", me.get_name())
    print("main coro:", me.get_coro().__name__)
    t1 = asyncio.create_task(worker(0.05))
    t2 = asyncio.create_task(worker(0.1), name="custom-name")
    print("auto name:", t1.get_name())
    print("given name:", t2.get_name())
    t1.set_name("renamed")
    print("renamed:", t1.get_name())
    print("all_tasks count:", len(asyncio.all_tasks()))
    print("main is in all_tasks:", me in asyncio.all_tasks())
    print("t1 coro name:", t1.get_coro().__name__)
    print("t1 done/cancelled:", t1.done(), t1.cancelled())
    await t1
    print("t1 done/cancelled after await:", t1.done(), t1.cancelled())
    print("all_tasks count now:", len(asyncio.all_tasks()))
    t2.cancel()
    await asyncio.sleep(0)
    print("t2 done/cancelled:", t2.done(), t2.cancelled())
    print("remaining:", sorted(t.get_name() for t in asyncio.all_tasks()))
    print("current_task is still main:", asyncio.current_task() is me)
    print("get_loop is running loop:", t1.get_loop() is asyncio.get_running_loop())


asyncio.run(main())
print("current_task with no running loop raises:", end=" ")
try:
    asyncio.current_task()
except RuntimeError as e:
    print(e)
