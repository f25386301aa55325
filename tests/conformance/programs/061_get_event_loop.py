# What: asyncio.get_event_loop() with no running loop: 3.14 raises RuntimeError if none is set.
# Expected output: hand-written for CPython 3.14 because 3.14 made get_event_loop() raise
# RuntimeError when there is no current event loop (3.12 and 3.13 warned and created one).
# See "What's New in Python 3.14" (asyncio: "Removed implicit creation of event loop by
# asyncio.get_event_loop()") and the asyncio-eventloop docs: "Changed in version 3.14: Raises a
# RuntimeError if there is no current event loop" (gh-126353, python/cpython PR 126354).
# Checked against the 3.14.2 standard library shipped with Pyodide 314 (asyncio/events.py).
import asyncio

try:
    asyncio.get_event_loop()
    print("got a loop")
except RuntimeError as e:
    print("RuntimeError:", e)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("after set_event_loop:", asyncio.get_event_loop() is loop)


async def main():
    return asyncio.get_event_loop() is asyncio.get_running_loop()


print("inside a running loop it is the running loop:", loop.run_until_complete(main()))
asyncio.set_event_loop(None)
loop.close()
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("after set_event_loop(None):", e)

print("asyncio.run inside:", asyncio.run(main()))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("after asyncio.run:", e)
