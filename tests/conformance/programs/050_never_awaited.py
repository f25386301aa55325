# What: calling an async function without await: the body never runs; RuntimeWarning on stderr.
import asyncio


async def save(data):
    print("saving", data)  # never printed
    await asyncio.sleep(0)


async def main():
    save("draft")  # forgot the await
    print("main: called save() without await")
    await save("final")
    print("main: awaited save()")


asyncio.run(main())
