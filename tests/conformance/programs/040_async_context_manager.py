# What: async context managers: __aenter__/__aexit__ in a class, contextlib.asynccontextmanager.
import asyncio
import contextlib


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.01)
        print(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)
        print(f"close {self.name} (exception: {exc_type.__name__ if exc_type else None})")
        return False


@contextlib.asynccontextmanager
async def transaction(name):
    print(f"begin {name}")
    try:
        yield name.upper()
        print(f"commit {name}")
    except ValueError as e:
        print(f"rollback {name}: {e}")
        raise
    finally:
        print(f"end {name}")


async def main():
    async with Connection("db") as conn, transaction("t1") as tx:
        print("working with", conn.name, tx)
    try:
        async with Connection("cache"), transaction("t2"):
            raise ValueError("bad row")
    except ValueError as e:
        print("caught outside:", e)


asyncio.run(main())
