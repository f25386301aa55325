# What: asyncio.Runner runs several coroutines on one loop; Runner(loop_factory=...) picks the loop.
import asyncio


async def which_loop(label):
    loop = asyncio.get_running_loop()
    print(label, "task:", asyncio.current_task().get_name())
    await asyncio.sleep(0.01)
    return loop


with asyncio.Runner() as runner:
    first = runner.run(which_loop("run 1"))
    second = runner.run(which_loop("run 2"))
    print("same loop both times:", first is second is runner.get_loop())
    print("loop still open inside the with block:", not first.is_closed())
print("closed after the with block:", first.is_closed())

with asyncio.Runner(loop_factory=asyncio.new_event_loop) as runner:
    loop = runner.run(which_loop("factory run"))
    print("factory loop is a fresh loop:", loop is not first)

runner = asyncio.Runner()
print("asyncio.run-like call:", runner.run(asyncio.sleep(0.01, result="ok")))
runner.close()
coro = which_loop("after close")
try:
    runner.run(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
