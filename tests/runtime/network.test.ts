/**
 * The in-memory network (loopscope_runtime/network.py): unmodified asyncio
 * servers and clients print exactly what they print on CPython over real
 * loopback sockets, and the trace records listening, connecting, sending and
 * closing.
 *
 * Each expected output was captured by running the same program with CPython
 * 3.13 on Linux (real sockets on 127.0.0.1), so a difference is a regression.
 */
import { describe, expect, it } from 'vitest';
import type { NodeRunResult } from '../../app/runtime/host/nodeRuntime';
import { eventsOf, runProgram, useRuntime } from './runtimeFixture';

const runtime = useRuntime();

/** Runs a program and checks its output against CPython's: stdout line by line, then stderr. */
function expectCPythonOutput(source: string, lines: readonly string[], stderr = ''): NodeRunResult {
  const result = runProgram(runtime(), source);
  expect(result.stdout).toBe(lines.map((line) => `${line}\n`).join(''));
  expect(result.stderr).toBe(stderr);
  return result;
}

/** The wait kinds tasks were suspended on during a run. */
function waitKinds(result: NodeRunResult): Set<string> {
  return new Set(eventsOf(result.events, 'task.suspend').map((event) => event.reason.kind));
}

const ECHO = String.raw`
  import asyncio

  async def handle(reader, writer):
      data = await reader.readline()
      writer.write(data.upper())
      await writer.drain()
      writer.close()
      await writer.wait_closed()

  async def main():
      loop = asyncio.get_running_loop()
      server = await asyncio.start_server(handle, "127.0.0.1", 8888)
      reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
      print(f"{loop.time():.2f} connected from", writer.get_extra_info("sockname"))
      writer.write(b"ping\n")
      reply = await reader.readline()
      print(f"{loop.time():.2f} got", reply)
      writer.close()
      await writer.wait_closed()
      server.close()
      await server.wait_closed()

  asyncio.run(main())
`;

describe('asyncio programs on the in-memory network print what CPython prints', () => {
  it('runs an echo server and client (the asyncio docs example)', () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      async def handle_echo(reader, writer):
          addr = writer.get_extra_info("peername")
          print(f"server: connection from {addr[0]}")
          while data := await reader.readline():
              message = data.decode().rstrip()
              print(f"server: received {message!r}")
              writer.write(data)
              await writer.drain()
          print("server: client closed, closing")
          writer.close()
          await writer.wait_closed()

      async def client(messages):
          reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
          for message in messages:
              print(f"client: send {message!r}")
              writer.write(message.encode() + b"\n")
              await writer.drain()
              data = await reader.readline()
              print(f"client: received {data.decode().rstrip()!r}")
          print("client: close the connection")
          writer.close()
          await writer.wait_closed()

      async def main():
          server = await asyncio.start_server(handle_echo, "127.0.0.1", 8888)
          addrs = ", ".join(str(sock.getsockname()) for sock in server.sockets)
          print(f"Serving on {addrs}")
          async with server:
              await client(["hello", "world"])
              await asyncio.sleep(0.1)
          print("server closed:", not server.is_serving())

      asyncio.run(main())
    `,
      [
        "Serving on ('127.0.0.1', 8888)",
        'server: connection from 127.0.0.1',
        "client: send 'hello'",
        "server: received 'hello'",
        "client: received 'hello'",
        "client: send 'world'",
        "server: received 'world'",
        "client: received 'world'",
        'client: close the connection',
        'server: client closed, closing',
        'server closed: True',
      ],
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it('lets two clients chat through a broadcast server', () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      clients = {}

      async def handle(reader, writer):
          name = (await reader.readline()).decode().strip()
          clients[name] = writer
          print(f"server: {name} joined")
          try:
              while line := await reader.readline():
                  text = line.decode().strip()
                  print(f"server: {name} says {text!r}")
                  for other, w in clients.items():
                      if other != name:
                          w.write(f"{name}: {text}\n".encode())
                          await w.drain()
          finally:
              del clients[name]
              print(f"server: {name} left")
              writer.close()
              await writer.wait_closed()

      async def chatter(name, lines, delay):
          reader, writer = await asyncio.open_connection("localhost", 9000)
          writer.write(f"{name}\n".encode())
          await asyncio.sleep(0.05)

          async def listen():
              while line := await reader.readline():
                  print(f"{name} hears {line.decode().strip()!r}")

          listener = asyncio.create_task(listen())
          for text in lines:
              await asyncio.sleep(delay)
              writer.write(f"{text}\n".encode())
              await writer.drain()
          await asyncio.sleep(0.5)
          writer.close()
          await writer.wait_closed()
          await listener
          print(f"{name} done")

      async def main():
          server = await asyncio.start_server(handle, "127.0.0.1", 9000)
          async with server:
              await asyncio.gather(
                  chatter("alice", ["hi bob", "how are you?"], 0.1),
                  chatter("bob", ["hi alice", "fine, thanks"], 0.15),
              )
          print("clients left:", clients)

      asyncio.run(main())
    `,
      [
        'server: alice joined',
        'server: bob joined',
        "server: alice says 'hi bob'",
        "bob hears 'alice: hi bob'",
        "server: bob says 'hi alice'",
        "alice hears 'bob: hi alice'",
        "server: alice says 'how are you?'",
        "bob hears 'alice: how are you?'",
        "server: bob says 'fine, thanks'",
        "alice hears 'bob: fine, thanks'",
        'alice done',
        'server: alice left',
        'bob done',
        'server: bob left',
        'clients left: {}',
      ],
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it('reads until end of file after the server closes', () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      async def handle(reader, writer):
          for i in range(3):
              writer.write(f"line {i}\n".encode())
          await writer.drain()
          writer.close()
          await writer.wait_closed()
          print("server: done")

      async def main():
          server = await asyncio.start_server(handle, "127.0.0.1", 7000)
          reader, writer = await asyncio.open_connection("127.0.0.1", 7000)
          data = await reader.read()
          print("client got", data)
          print("at_eof", reader.at_eof())
          print("again", await reader.read(), await reader.readline())
          async for line in reader:
              print("never", line)
          writer.close()
          await writer.wait_closed()
          server.close()
          await server.wait_closed()
          print("closed")

      asyncio.run(main())
    `,
      [
        'server: done',
        "client got b'line 0\\nline 1\\nline 2\\n'",
        'at_eof True',
        "again b'' b''",
        'closed',
      ],
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it('closes a server: wait_closed waits for its connections, new ones are refused', () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      async def handle(reader, writer):
          print("handler: start")
          data = await reader.read(100)
          print("handler: got", data)
          await asyncio.sleep(0.2)
          writer.write(b"bye")
          writer.close()
          await writer.wait_closed()
          print("handler: closed")

      async def main():
          server = await asyncio.start_server(handle, "127.0.0.1", 7001)
          print("serving", server.is_serving(), server.get_loop() is asyncio.get_running_loop())
          reader, writer = await asyncio.open_connection("127.0.0.1", 7001)
          writer.write(b"hi")
          await asyncio.sleep(0.05)
          server.close()
          print("closed; serving:", server.is_serving(), "sockets:", server.sockets)
          loop = asyncio.get_running_loop()
          start = loop.time()
          await server.wait_closed()
          print("wait_closed returned after", round(loop.time() - start, 1))
          print("client read", await reader.read())
          try:
              await asyncio.open_connection("127.0.0.1", 7001)
          except ConnectionRefusedError as e:
              print("refused:", e)
          writer.close()
          await writer.wait_closed()
          await server.wait_closed()
          print("done")

      asyncio.run(main())
    `,
      [
        'serving True True',
        'handler: start',
        "handler: got b'hi'",
        'closed; serving: False sockets: ()',
        'handler: closed',
        'wait_closed returned after 0.2',
        "client read b'bye'",
        "refused: [Errno 111] Connect call failed ('127.0.0.1', 7001)",
        'done',
      ],
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it('ends `async with server: await server.serve_forever()` with a timeout', () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      async def handle(reader, writer):
          writer.write(b"hello\n")
          await writer.drain()
          writer.close()
          await writer.wait_closed()

      async def client():
          await asyncio.sleep(0.5)
          reader, writer = await asyncio.open_connection("127.0.0.1", 7002)
          print("client got", await reader.readline())
          writer.close()
          await writer.wait_closed()

      async def main():
          server = await asyncio.start_server(handle, "127.0.0.1", 7002)
          asyncio.create_task(client())
          try:
              async with server:
                  async with asyncio.timeout(1):
                      await server.serve_forever()
          except TimeoutError:
              print("timed out; serving:", server.is_serving())
          try:
              await server.serve_forever()
          except RuntimeError as e:
              print("RuntimeError:", str(e).split(" sockets=")[0])

      asyncio.run(main())
    `,
      ["client got b'hello\\n'", 'timed out; serving: False', 'RuntimeError: server <Server'],
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it('runs Protocol classes: data_received, write_eof, eof_received, connection_lost', () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      class EchoServer(asyncio.Protocol):
          def connection_made(self, transport):
              self.transport = transport
              print("server: connection from", transport.get_extra_info("peername")[0])

          def data_received(self, data):
              print("server: data", data)
              self.transport.write(data.upper())

          def eof_received(self):
              print("server: eof")
              self.transport.close()

          def connection_lost(self, exc):
              print("server: lost", exc)

      class EchoClient(asyncio.Protocol):
          def __init__(self, message, done):
              self.message = message
              self.done = done

          def connection_made(self, transport):
              print("client: connected; can_write_eof", transport.can_write_eof())
              transport.write(self.message.encode())
              transport.writelines([b" and", b" more"])
              transport.write_eof()
              print("client: closing?", transport.is_closing(), transport.get_write_buffer_size())

          def data_received(self, data):
              print("client: data", data)

          def eof_received(self):
              print("client: eof")

          def connection_lost(self, exc):
              print("client: lost", exc)
              self.done.set_result(True)

      async def main():
          loop = asyncio.get_running_loop()
          server = await loop.create_server(EchoServer, "127.0.0.1", 7003)
          done = loop.create_future()
          transport, protocol = await loop.create_connection(
              lambda: EchoClient("hello", done), "127.0.0.1", 7003
          )
          print("transport limits", transport.get_write_buffer_limits())
          transport.set_write_buffer_limits(high=100)
          print("transport limits", transport.get_write_buffer_limits())
          await done
          print("client transport closing:", transport.is_closing())
          server.close()
          await server.wait_closed()

      asyncio.run(main())
    `,
      [
        'server: connection from 127.0.0.1',
        'client: connected; can_write_eof True',
        'client: closing? False 0',
        'transport limits (16384, 65536)',
        'transport limits (25, 100)',
        "server: data b'hello and more'",
        'server: eof',
        "client: data b'HELLO AND MORE'",
        'server: lost None',
        'client: eof',
        'client: lost None',
        'client transport closing: True',
      ],
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it('raises IncompleteReadError when the peer closes before readexactly has its bytes', () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      async def handle(reader, writer):
          writer.write(b"12345")
          await writer.drain()
          writer.close()

      async def main():
          server = await asyncio.start_server(handle, "127.0.0.1", 7004)
          reader, writer = await asyncio.open_connection("127.0.0.1", 7004)
          print(await reader.readexactly(3))
          try:
              await reader.readexactly(10)
          except asyncio.IncompleteReadError as e:
              print("incomplete:", e.partial, e.expected, e)
          try:
              await reader.readuntil(b"!")
          except asyncio.IncompleteReadError as e:
              print("readuntil:", e)
          writer.close()
          await writer.wait_closed()
          server.close()
          await server.wait_closed()

      asyncio.run(main())
    `,
      [
        "b'123'",
        "incomplete: b'45' 10 2 bytes read on a total of 10 expected bytes",
        'readuntil: 0 bytes read on a total of undefined expected bytes',
      ],
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it('fails writes after the peer closed as Linux does, and logs after five', () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      async def handle(reader, writer):
          print("server: closing at once")
          writer.close()
          await writer.wait_closed()
          print("server: closed")

      async def main():
          server = await asyncio.start_server(handle, "127.0.0.1", 8889)
          reader, writer = await asyncio.open_connection("127.0.0.1", 8889)
          print("client read", await reader.read(100))
          print("closing?", writer.is_closing())
          for i in range(8):
              try:
                  writer.write(b"x" * 10)
                  print("write", i, "ok", writer.is_closing())
                  await writer.drain()
                  print("drain", i, "ok")
              except Exception as e:
                  print("error", i, type(e).__name__, e)
              await asyncio.sleep(0.01)
          try:
              print("read", await reader.read(100))
          except Exception as e:
              print("read error", type(e).__name__, e)
          writer.close()
          try:
              await writer.wait_closed()
          except Exception as e:
              print("wait_closed error", type(e).__name__, e)
          server.close()
          await server.wait_closed()

      asyncio.run(main())
    `,
      [
        'server: closing at once',
        'server: closed',
        "client read b''",
        'closing? False',
        'write 0 ok False',
        'drain 0 ok',
        'write 1 ok True',
        'error 1 ConnectionResetError Connection lost',
        'write 2 ok True',
        'error 2 BrokenPipeError [Errno 32] Broken pipe',
        'write 3 ok True',
        'error 3 BrokenPipeError [Errno 32] Broken pipe',
        'write 4 ok True',
        'error 4 BrokenPipeError [Errno 32] Broken pipe',
        'write 5 ok True',
        'error 5 BrokenPipeError [Errno 32] Broken pipe',
        'write 6 ok True',
        'error 6 BrokenPipeError [Errno 32] Broken pipe',
        'write 7 ok True',
        'error 7 BrokenPipeError [Errno 32] Broken pipe',
        'read error BrokenPipeError [Errno 32] Broken pipe',
        'wait_closed error BrokenPipeError [Errno 32] Broken pipe',
      ],
      // asyncio's logger, from the sixth write to a lost connection on.
      'socket.send() raised exception.\n'.repeat(2),
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it('resets the connection when a socket closes with data it never read', () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      async def handle(reader, writer):
          await asyncio.sleep(0.1)
          print("server: closing without reading")
          writer.close()
          await writer.wait_closed()

      async def main():
          server = await asyncio.start_server(handle, "127.0.0.1", 7022)
          reader, writer = await asyncio.open_connection("127.0.0.1", 7022)
          writer.write(b"y" * 300_000)
          await writer.drain()
          try:
              print("client read", await reader.read())
          except ConnectionResetError as e:
              print("client:", type(e).__name__, e)
          try:
              writer.write(b"more")
              await writer.drain()
          except Exception as e:
              print("client write:", type(e).__name__, e)
          writer.close()
          try:
              await writer.wait_closed()
          except Exception as e:
              print("client wait_closed:", type(e).__name__, e)
          server.close()
          await server.wait_closed()

      asyncio.run(main())
    `,
      [
        'server: closing without reading',
        'client: ConnectionResetError [Errno 104] Connection reset by peer',
        'client write: ConnectionResetError [Errno 104] Connection reset by peer',
        'client wait_closed: ConnectionResetError [Errno 104] Connection reset by peer',
      ],
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it('pauses and resumes reading, fills a BufferedProtocol, aborts', () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      class Slow(asyncio.Protocol):
          def connection_made(self, t):
              self.t = t
              t.pause_reading()
              print("server paused; reading?", t.is_reading())
              asyncio.get_running_loop().call_later(0.1, self.resume)
          def resume(self):
              print("resume")
              self.t.resume_reading()
          def data_received(self, d):
              print("server data", d)
          def eof_received(self):
              print("server eof")
              return True
          def connection_lost(self, e):
              print("server lost", e)

      class Buffered(asyncio.BufferedProtocol):
          def __init__(self, done):
              self.buf = bytearray(4)
              self.done = done
          def connection_made(self, t):
              self.t = t
              t.writelines([b"abc", b"def"])
              t.write(b"ghi")
              t.write_eof()
              try:
                  t.write(b"x")
              except RuntimeError as e:
                  print("client:", e)
          def get_buffer(self, n):
              return self.buf
          def buffer_updated(self, n):
              print("client buffer", bytes(self.buf[:n]))
          def eof_received(self):
              print("client eof")
          def connection_lost(self, e):
              print("client lost", e)
              self.done.set_result(None)

      async def main():
          loop = asyncio.get_running_loop()
          server = await loop.create_server(Slow, "127.0.0.1", 7050)
          done = loop.create_future()
          t, p = await loop.create_connection(lambda: Buffered(done), "127.0.0.1", 7050)
          await asyncio.sleep(0.3)
          print("closing server transports")
          server.close_clients()
          await done
          server.close()
          await server.wait_closed()
          # abort
          server = await asyncio.start_server(lambda r, w: w.write(b"hello"), "127.0.0.1", 7051)
          r, w = await asyncio.open_connection("127.0.0.1", 7051)
          w.transport.abort()
          print("aborted; closing?", w.is_closing())
          try:
              print(await r.read())
          except Exception as e:
              print(type(e).__name__, e)
          print("peername after abort", w.get_extra_info("peername"))
          server.close()
          await server.wait_closed()
          # writer API
          async def handler(reader, writer):
              print("server lines", await reader.read())
              writer.close()
          server = await asyncio.start_server(handler, "127.0.0.1", 7052)
          r, w = await asyncio.open_connection("127.0.0.1", 7052)
          w.writelines([b"a\n", b"b\n"])
          print("can_write_eof", w.can_write_eof())
          w.write_eof()
          await w.drain()
          print("client read", await r.read())
          w.close()
          await w.wait_closed()
          server.close()
          await server.wait_closed()
          # cancel while connecting
          async def hang(reader, writer):
              await asyncio.sleep(10)
          try:
              async with asyncio.timeout(0):
                  await asyncio.open_connection("127.0.0.1", 7053)
          except TimeoutError:
              print("timeout while connecting")

      asyncio.run(main())
    `,
      [
        'server paused; reading? False',
        'client: Cannot call write() after write_eof()',
        'resume',
        "server data b'abcdefghi'",
        'server eof',
        'closing server transports',
        'server lost None',
        'client eof',
        'client lost None',
        'aborted; closing? True',
        "b''",
        "peername after abort ('127.0.0.1', 7051)",
        'can_write_eof True',
        "server lines b'a\\nb\\n'",
        "client read b''",
        'timeout while connecting',
      ],
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it("resolves hosts and reports address errors with CPython's messages", () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      async def handle(reader, writer):
          print("  server sees", writer.get_extra_info("sockname"), writer.get_extra_info("peername")[0])
          writer.close()

      async def main():
          server = await asyncio.start_server(handle, None, 8877)
          print(sorted(sock.getsockname() for sock in server.sockets))
          for host in ["127.0.0.1", "0.0.0.0", "localhost", "::1", None]:
              reader, writer = await asyncio.open_connection(host, 8877)
              print(repr(host), "->", writer.get_extra_info("peername"))
              await reader.read()
              writer.close()
              await writer.wait_closed()
          server.close()
          await server.wait_closed()
          v6 = await asyncio.start_server(handle, "::1", 8878)
          print(v6.sockets[0].getsockname())
          try:
              await asyncio.open_connection("127.0.0.1", 8878)
          except OSError as e:
              print(type(e).__name__, e)
          await asyncio.start_server(handle, "127.0.0.1", 8879)
          try:
              await asyncio.start_server(handle, "127.0.0.1", 8879)
          except OSError as e:
              print(type(e).__name__, e.errno, e)
          try:
              await asyncio.start_server(handle, "0.0.0.0", 8879)
          except OSError as e:
              print(type(e).__name__, e.errno, e)
          for host in ["localhost", None]:
              try:
                  await asyncio.open_connection(host, 9999)
              except OSError as e:
                  print(type(e).__name__, e)
          for host in ["", "example.com"]:
              try:
                  await asyncio.open_connection(host, 80)
              except OSError as e:
                  print(type(e).__name__, e)

      asyncio.run(main())
    `,
      [
        "[('0.0.0.0', 8877), ('::', 8877, 0, 0)]",
        "  server sees ('127.0.0.1', 8877) 127.0.0.1",
        "'127.0.0.1' -> ('127.0.0.1', 8877)",
        "  server sees ('127.0.0.1', 8877) 127.0.0.1",
        "'0.0.0.0' -> ('127.0.0.1', 8877)",
        "  server sees ('127.0.0.1', 8877) 127.0.0.1",
        "'localhost' -> ('127.0.0.1', 8877)",
        "  server sees ('::1', 8877, 0, 0) ::1",
        "'::1' -> ('::1', 8877, 0, 0)",
        "  server sees ('::1', 8877, 0, 0) ::1",
        "None -> ('::1', 8877, 0, 0)",
        "('::1', 8878, 0, 0)",
        "ConnectionRefusedError [Errno 111] Connect call failed ('127.0.0.1', 8878)",
        "OSError 98 [Errno 98] error while attempting to bind on address ('127.0.0.1', 8879): [errno 98] address already in use",
        "OSError 98 [Errno 98] error while attempting to bind on address ('0.0.0.0', 8879): [errno 98] address already in use",
        "ConnectionRefusedError [Errno 111] Connect call failed ('127.0.0.1', 9999)",
        "OSError Multiple exceptions: [Errno 111] Connect call failed ('::1', 9999, 0, 0), [Errno 111] Connect call failed ('127.0.0.1', 9999)",
        'gaierror [Errno -2] Name or service not known',
        'gaierror [Errno -2] Name or service not known',
      ],
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it('takes as many loop iterations as CPython for each network step', () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      log = []

      async def ticker():
          for i in range(40):
              log.append(f"t{i}")
              await asyncio.sleep(0)

      async def handle(reader, writer):
          log.append("S:conn")
          line = await reader.readline()
          log.append(f"S:{line!r}")
          writer.write(line.upper())
          await writer.drain()
          log.append("S:wrote")
          data = await reader.read()
          log.append(f"S:eof {data!r}")
          writer.close()
          await writer.wait_closed()
          log.append("S:closed")

      async def main():
          t = asyncio.create_task(ticker())
          server = await asyncio.start_server(handle, "127.0.0.1", 7010)
          log.append("M:listening")
          reader, writer = await asyncio.open_connection("127.0.0.1", 7010)
          log.append("M:connected")
          writer.write(b"ab")
          writer.write(b"c\n")
          log.append("M:wrote")
          log.append(f"M:{await reader.readline()!r}")
          writer.write_eof()
          log.append(f"M:{await reader.read()!r}")
          writer.close()
          await writer.wait_closed()
          log.append("M:closed")
          server.close()
          await server.wait_closed()
          log.append("M:server closed")
          await t
          print(" ".join(log))

      asyncio.run(main())
    `,
      [
        "t0 t1 t2 t3 M:listening t4 t5 t6 t7 S:conn M:connected M:wrote t8 t9 S:b'abc\\n' S:wrote t10 t11 M:b'ABC\\n' t12 t13 S:eof b'' t14 t15 S:closed t16 M:b'' t17 t18 M:closed M:server closed t19 t20 t21 t22 t23 t24 t25 t26 t27 t28 t29 t30 t31 t32 t33 t34 t35 t36 t37 t38 t39",
      ],
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it('frees ports and descriptors when a loop closes', () => {
    const result = expectCPythonOutput(
      String.raw`
      import asyncio

      async def handle(reader, writer):
          writer.write(b"hi from " + asyncio.current_task().get_name().encode() + b"\n")
          await writer.drain()

      async def main(n):
          server = await asyncio.start_server(handle, "127.0.0.1", 7021)
          r, w = await asyncio.open_connection("127.0.0.1", 7021)
          print(n, await r.readline(), w.get_extra_info("socket").fileno())
          # leave the server and connection open

      asyncio.run(main(1))
      asyncio.run(main(2))
      print("done")
    `,
      ["1 b'hi from Task-4\\n' 7", "2 b'hi from Task-10\\n' 7", 'done'],
    );
    expect(result.summary.exitCode).toBe(0);
  });

  it('refuses a connection to a port nobody listens on', () => {
    const result = runProgram(
      runtime(),
      String.raw`
      import asyncio

      async def main():
          try:
              await asyncio.open_connection("127.0.0.1", 9999)
          except ConnectionRefusedError as e:
              print("caught:", type(e).__name__, e.errno, e)
          await asyncio.open_connection("127.0.0.1", 9999)

      asyncio.run(main())
    `,
    );
    expect(result.stdout).toBe(
      "caught: ConnectionRefusedError 111 [Errno 111] Connect call failed ('127.0.0.1', 9999)\n",
    );
    expect(result.stderr).toMatch(
      /\nConnectionRefusedError: \[Errno 111\] Connect call failed \('127\.0\.0\.1', 9999\)\n$/,
    );
    expect(result.summary).toMatchObject({ outcome: 'error', exitCode: 1 });
    expect(eventsOf(result.events, 'net.refused')).toMatchObject([
      { to: ['127.0.0.1', 9999], task: 1 },
      { to: ['127.0.0.1', 9999], task: 1 },
    ]);
  });
});

describe('the trace of the in-memory network', () => {
  it('records listening, connecting, sending, receiving and closing', () => {
    const result = runProgram(runtime(), ECHO);
    expect(result.stdout).toBe("0.00 connected from ('127.0.0.1', 49152)\n0.00 got b'PING\\n'\n");
    const net = result.events.filter((event) => event.type.startsWith('net.'));
    expect(net.map((event) => event.type)).toEqual([
      'net.listen',
      'net.connect',
      'net.send',
      'net.recv',
      'net.send',
      'net.close',
      'net.recv',
      'net.close',
      'net.server.close',
    ]);
    expect(eventsOf(result.events, 'net.listen')).toMatchObject([
      { port: 8888, host: '127.0.0.1', task: 1 },
    ]);
    expect(eventsOf(result.events, 'net.connect')).toMatchObject([
      { conn: 1, from: ['127.0.0.1', 49152], to: ['127.0.0.1', 8888], task: 1 },
    ]);
    const sends = eventsOf(result.events, 'net.send');
    expect(sends).toMatchObject([
      { conn: 1, side: 'client', bytes: 5, preview: "b'ping\\n'", task: 1 },
      { conn: 1, side: 'server', bytes: 5, preview: "b'PING\\n'" },
    ]);
    // The server's handler is a task of its own.
    expect(sends[1]?.task).not.toBe(1);
    expect(eventsOf(result.events, 'net.recv').map((event) => event.side)).toEqual([
      'server',
      'client',
    ]);
    expect(eventsOf(result.events, 'net.close')).toMatchObject([
      { conn: 1, side: 'server', how: 'close', reset: false },
      { conn: 1, side: 'client', how: 'close', reset: false },
    ]);
    expect(eventsOf(result.events, 'net.server.close')).toMatchObject([{ port: 8888 }]);
    expect([...waitKinds(result)]).toEqual(expect.arrayContaining(['connect', 'stream.read']));
  });

  it('records serve_forever as waiting to accept', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      async def main():
          server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 8000)
          async with server:
              await server.serve_forever()

      asyncio.run(main())
    `,
    );
    // CPython would wait forever; here nothing else can ever connect.
    expect(result.summary).toMatchObject({ outcome: 'limit', exitCode: 1 });
    expect(result.stopMessage).toBe(
      'Deadlock: no task can make progress: Task-1 waits on accept (server)',
    );
    expect([...waitKinds(result)]).toContain('accept');
  });

  it('delays every delivery by networkLatency seconds of virtual time', () => {
    const result = runProgram(runtime(), ECHO, { networkLatency: 0.05 });
    // Connecting takes one delivery, the request and the reply one each.
    expect(result.stdout).toBe("0.05 connected from ('127.0.0.1', 49152)\n0.15 got b'PING\\n'\n");
  });

  it('gives every run the same ports and nothing left over from the run before', () => {
    const leaveOpen = `
      import asyncio

      async def main():
          server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 8888)
          reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
          print(writer.get_extra_info("sockname"), writer.get_extra_info("socket").fileno())

      asyncio.run(main())
    `;
    const first = runProgram(runtime(), leaveOpen);
    const second = runProgram(runtime(), leaveOpen);
    expect(first.stdout).toBe("('127.0.0.1', 49152) 7\n");
    expect(second.stdout).toBe(first.stdout);
    expect(second.summary.exitCode).toBe(0);
    // Closing the loop closed what the program left open.
    expect(eventsOf(first.events, 'net.server.close')).toMatchObject([{ port: 8888, task: null }]);
    expect(eventsOf(first.events, 'net.close')).toHaveLength(2);
  });
});
