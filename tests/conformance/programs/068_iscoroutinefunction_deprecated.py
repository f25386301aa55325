# What: asyncio.iscoroutinefunction works but is deprecated in 3.14 (DeprecationWarning).
# Expected output: hand-written for CPython 3.14 because 3.14 deprecated asyncio.iscoroutinefunction
# in favour of inspect.iscoroutinefunction (3.13 prints no warning); see "What's New in Python 3.14"
# (Deprecated) and the docs' "Pending removal in Python 3.16" list (gh-122858). The warning text was
# checked against the 3.14.2 standard library shipped with Pyodide 314 (asyncio/coroutines.py).
import asyncio
import inspect


async def fetch():
    return "data"


def helper():
    return "data"


print("asyncio says:", asyncio.iscoroutinefunction(fetch))
print("inspect says:", inspect.iscoroutinefunction(fetch), inspect.iscoroutinefunction(helper))
