# What: loop_factory as a function of one's own that makes and configures the stock loop class.
import asyncio

made = []


def make_loop():
    loop = asyncio.EventLoop()
    loop.set_exception_handler(on_problem)
    made.append(loop)
    return loop


def on_problem(loop, context):
    print("handler got:", repr(context.get("exception")), "from", context["message"].split(" ")[0])


async def doomed():
    await asyncio.sleep(0.1)
    raise KeyError("lost")


async def main():
    loop = asyncio.get_running_loop()
    print("the factory's loop:", loop is made[-1])
    start = loop.time()
    task = asyncio.create_task(doomed())
    await asyncio.sleep(0.2)
    print("task failed:", repr(task.exception()))
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    print("took", round(loop.time() - start, 1))


asyncio.run(main(), loop_factory=make_loop)
asyncio.run(main(), loop_factory=make_loop)
print("loops made:", len(made), "all closed:", all(loop.is_closed() for loop in made))
