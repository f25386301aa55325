# What: an event loop built by hand on BaseEventLoop, with a selector that never waits, spins until its timers are due.
import asyncio


class NeverWaits:
    """A selector with nothing to watch: select() returns at once."""

    def select(self, timeout=None):
        return []

    def close(self):
        pass


class HandLoop(asyncio.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = NeverWaits()

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("running on HandLoop:", type(loop).__name__)
    await asyncio.sleep(0.2)
    print("woke after", round(loop.time() - start, 1))
    results = await asyncio.gather(asyncio.sleep(0.3, "b"), asyncio.sleep(0.1, "a"))
    print(results, "after", round(loop.time() - start, 1))


loop = HandLoop()
loop.run_until_complete(main())
loop.close()
print("closed:", loop.is_closed())
