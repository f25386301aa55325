# What: asyncio.EventLoop() made directly: run_until_complete, run_forever and stop, set_event_loop.
import asyncio

loop = asyncio.EventLoop()
asyncio.set_event_loop(loop)
print("current loop is ours:", asyncio.get_event_loop() is loop)
print("an AbstractEventLoop:", isinstance(loop, asyncio.AbstractEventLoop))
start = loop.time()


async def count(n):
    for i in range(n):
        await asyncio.sleep(0.1)
    return n


print("run_until_complete:", loop.run_until_complete(count(3)))
print("after", round(loop.time() - start, 1))

ticks = []


def tick():
    ticks.append(round(loop.time() - start, 1))
    if len(ticks) == 3:
        loop.stop()
    else:
        loop.call_later(0.2, tick)


loop.call_soon(tick)
loop.run_forever()
print("run_forever stopped after ticks at", ticks)
loop.run_until_complete(loop.shutdown_asyncgens())
asyncio.set_event_loop(None)
loop.close()
print("closed:", loop.is_closed())
