# What: a SelectorEventLoop subclass, made with a selector, handling exceptions its own way.
import asyncio
import selectors


class PoliteLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(selectors.DefaultSelector())
        self.problems = []

    def call_exception_handler(self, context):
        self.problems.append(repr(context.get("exception")))


def fragile(n):
    raise ValueError(f"callback {n} failed")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_soon(fragile, 1)
    loop.call_later(0.1, fragile, 2)
    await asyncio.sleep(0.2)
    print("handled by the subclass:", loop.problems)
    print("still running after", round(loop.time() - start, 1))


loop = PoliteLoop()
loop.run_until_complete(main())
loop.close()
print("closed:", loop.is_closed())
