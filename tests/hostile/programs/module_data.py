# Data a program changes in a module, or in a function it keeps (nothing replaced, so nothing to compare), does not reach the next run.
import asyncio
import string

string.ascii_lowercase = "PWNED by the previous run"
asyncio.Queue.__init__.__defaults__ = (7,)
print(string.ascii_lowercase[:5], asyncio.Queue().maxsize)
