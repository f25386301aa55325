# The runtime's sink is a JavaScript function; its Function constructor is refused too.
from loopscope_runtime.run_state import current_run

sink = current_run().tracer._sink
print(sink.constructor("return globalThis.process")())
