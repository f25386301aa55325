# What: input() raises EOFError once stdin runs out; a loop reading lines stops cleanly.
import asyncio


async def main():
    lines = []
    while True:
        try:
            line = input()
        except EOFError:
            print("EOFError: stdin is exhausted")
            break
        lines.append(line)
        await asyncio.sleep(0)
    print("read", len(lines), "lines:", lines)
    try:
        input("one more? ")
    except EOFError as e:
        print()
        print("again EOFError:", repr(e))


asyncio.run(main())
