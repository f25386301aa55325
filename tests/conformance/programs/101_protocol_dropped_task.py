# What: a protocol callback starts a task that fails and is dropped: reported between the client's prints.
# Expected output: also in order (.output)
import asyncio


async def handle_line(line):
    raise ValueError(f"cannot handle {line!r}")


class LineServer(asyncio.Protocol):
    def data_received(self, data):
        print("server got", data)
        asyncio.get_running_loop().create_task(handle_line(data))  # dropped


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(LineServer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello\n")
    await writer.drain()
    for step in range(3):
        await asyncio.sleep(0)
        print("client waits", step)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("end of main")


asyncio.run(main())
print("after asyncio.run")
