# Events forged through the runtime's sink are taken as text, malformed ones dropped.
# Each is a wire event (docs/trace-format.md, "On the wire"): 17 is output, 1 run.end.
import marshal

from loopscope_runtime.run_state import current_run

sink = current_run().tracer._sink
sink(marshal.dumps([(17, "stdout", "<b>forged</b>\n", None, None, [], 0)], 4))
sink(marshal.dumps([(17, "stdout", "lacks its task, thread, chain and time\n")], 4))
sink(marshal.dumps(None, 4))
sink(b"not marshalled")
sink('[[17, "stdout", "text, not bytes\n", null, null, [], 0]]')
sink(marshal.dumps([(17, "stdout", 5, None, None, [], 0)], 4))
sink(marshal.dumps([(1, "ok", 0)], 4))
print("real")
