# Removing warnings and asyncio from sys.modules: the never-awaited warning names no runtime file.
import sys


async def main():
    pass


coroutine = main()
del sys.modules["warnings"]
del sys.modules["asyncio"]
print("removed")
