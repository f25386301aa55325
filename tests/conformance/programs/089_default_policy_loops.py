# What: new_event_loop(), DefaultEventLoopPolicy().new_event_loop() and a policy subclass all run.
import asyncio
import warnings

# Event-loop policies are deprecated in 3.14 (removal in 3.16); 3.13 does not warn.
warnings.simplefilter("ignore", DeprecationWarning)


async def job(name, delay):
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(asyncio.sleep(delay), asyncio.sleep(delay / 2))
    return f"{name}: {round(loop.time() - start, 1)}"


loop = asyncio.new_event_loop()
print(loop.run_until_complete(job("new_event_loop", 0.2)))
loop.close()

loop = asyncio.DefaultEventLoopPolicy().new_event_loop()
print("an AbstractEventLoop:", isinstance(loop, asyncio.AbstractEventLoop))
print(loop.run_until_complete(job("DefaultEventLoopPolicy().new_event_loop", 0.4)))
loop.close()


class CountingPolicy(asyncio.DefaultEventLoopPolicy):
    loops = 0

    def new_event_loop(self):
        CountingPolicy.loops += 1
        return super().new_event_loop()


asyncio.set_event_loop_policy(CountingPolicy())
print(asyncio.run(job("asyncio.run under a policy subclass", 0.2)))
with asyncio.Runner() as runner:
    print(runner.run(job("Runner under a policy subclass", 0.6)))
print("loops the policy made:", CountingPolicy.loops)
asyncio.set_event_loop_policy(None)
