# What: a small chat server that broadcasts each line to every connected client (two clients).
import asyncio

clients = {}


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    clients[name] = writer
    writer.write(f"welcome {name}\n".encode())
    await writer.drain()
    while line := await reader.readline():
        text = f"[{name}] {line.decode().strip()}\n".encode()
        for other in clients.values():
            other.write(text)
            await other.drain()
    del clients[name]
    writer.close()
    await writer.wait_closed()


async def connect(port, name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{name}\n".encode())
    print(f"{name} <-", (await reader.readline()).decode().strip())
    return reader, writer


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    alice_r, alice_w = await connect(port, "alice")
    bob_r, bob_w = await connect(port, "bob")
    for speaker, text in [(alice_w, "hi bob"), (bob_w, "hello alice"), (alice_w, "bye")]:
        speaker.write(text.encode() + b"\n")
        print("alice <-", (await alice_r.readline()).decode().strip())
        print("bob   <-", (await bob_r.readline()).decode().strip())
    for w in (alice_w, bob_w):
        w.close()
        await w.wait_closed()
    server.close()
    await server.wait_closed()
    print("chat over, clients left:", len(clients))


asyncio.run(main())
