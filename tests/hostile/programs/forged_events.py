# Events forged through the runtime's sink are taken as text, malformed ones dropped.
from loopscope_runtime.run_state import current_run

sink = current_run().tracer._sink
sink(
    '[{"type": "output", "stream": "stdout", "text": "<b>forged</b>\\n",'
    ' "task": null, "thread": null, "chain": [], "t": 0}]'
)
sink('[{"type": "output", "stream": "stdout", "text": "lacks its task, thread and time\\n", "chain": []}]')
sink("null")
sink("{not json")
sink('[{"type": "output", "stream": "stdout", "text": 5}]')
sink('[{"type": "run.end", "outcome": "ok", "exitCode": 0}]')
print("real")
