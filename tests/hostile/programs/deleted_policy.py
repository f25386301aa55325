# A deleted event-loop policy: the program fails as it would, the next run is untouched.
import asyncio
import asyncio.events


async def main():
    pass


asyncio.events._event_loop_policy = None
del asyncio.events._get_event_loop_policy
asyncio.run(main())
