# What: open_connection to a port with no listener raises ConnectionRefusedError (an OSError).
import asyncio
import errno


async def main():
    # Find a port that was just free: open a server, note its port, close it.
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()

    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("ConnectionRefusedError")
        print("is an OSError:", isinstance(e, OSError))
        print("errno is ECONNREFUSED:", e.errno == errno.ECONNREFUSED)

    try:
        await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout=1)
    except OSError as e:
        print("again, caught as OSError:", type(e).__name__)


asyncio.run(main())
