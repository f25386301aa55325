import asyncio


def chain(loop, left, done):
    if left == 0:
        done.set_result("chain done")
    else:
        loop.call_soon(chain, loop, left - 1, done)


async def sleeper(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_soon(chain, loop, 5, done)
    skipped = loop.call_soon(print, "never printed")
    skipped.cancel()
    loop.call_soon(print, "soon")
    timer = loop.call_later(0.5, print, "never fired")
    loop.call_later(0.3, print, "later")
    print(await done)
    timer.cancel()
    victim = asyncio.create_task(sleeper("victim", 10))
    await asyncio.sleep(0)
    victim.cancel()
    try:
        await asyncio.wait_for(sleeper("slow", 2), 0.1)
    except TimeoutError:
        print("timed out")
    print(await asyncio.gather(sleeper("a", 0.2), sleeper("b", 0.1), return_exceptions=True))
    await asyncio.sleep(0.5)


asyncio.run(main())
