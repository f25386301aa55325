# What: streams: an echo server (start_server) and a client (open_connection) on 127.0.0.1, port 0.
import asyncio


async def handle_echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        print("server got:", line.decode().rstrip())
        writer.write(b"echo: " + line)
        await writer.drain()
    print("server: client closed the connection")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("server listening:", server.is_serving(), "port is an int:", isinstance(port, int))

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for message in ["hello", "asyncio streams"]:
        writer.write(message.encode() + b"\n")
        await writer.drain()
        reply = await reader.readline()
        print("client got:", reply.decode().rstrip())
    writer.write_eof()
    print("client: EOF after the last reply:", await reader.read() == b"")
    writer.close()
    await writer.wait_closed()

    server.close()
    await server.wait_closed()
    print("server closed:", not server.is_serving())


asyncio.run(main())
