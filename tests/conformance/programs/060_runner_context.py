# What: asyncio.Runner keeps one contextvars context across run() calls; asyncio.run starts fresh.
import asyncio
import contextvars

counter = contextvars.ContextVar("counter", default=0)


async def bump():
    counter.set(counter.get() + 1)
    return counter.get()


with asyncio.Runner() as runner:
    print("runner run 1:", runner.run(bump()))
    print("runner run 2:", runner.run(bump()))
    print("explicit context:", runner.run(bump(), context=contextvars.Context()))
    print("runner run 3:", runner.run(bump()))

print("asyncio.run 1:", asyncio.run(bump()))
print("asyncio.run 2:", asyncio.run(bump()))
print("module-level value untouched:", counter.get())
