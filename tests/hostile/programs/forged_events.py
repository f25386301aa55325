# Events forged through the runtime's sink are taken as text, malformed ones dropped.
# Each is a wire event (docs/trace-format.md, "On the wire"): 17 is output, 1 run.end.
from loopscope_runtime.run_state import current_run

sink = current_run().tracer._sink
sink('[[17, "stdout", "<b>forged</b>\\n", null, null, [], 0]]')
sink('[[17, "stdout", "lacks its task, thread, chain and time\\n"]]')
sink("null")
sink("{not json")
sink('[[17, "stdout", 5, null, null, [], 0]]')
sink('[[1, "ok", 0]]')
print("real")
