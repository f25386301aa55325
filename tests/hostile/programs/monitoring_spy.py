# A sys.monitoring tool left registered would see every later program's calls: it is freed after the run.
import sys


def spy(code, offset):
    # Only another program's code: the runtime's and the standard library's files have absolute paths.
    if not code.co_filename.startswith(("/", "<")) and code.co_filename != "monitoring_spy.py":
        print("SPY", code.co_name)


monitoring = sys.monitoring
monitoring.use_tool_id(2, "spy")
monitoring.register_callback(2, monitoring.events.PY_START, spy)
monitoring.set_events(2, monitoring.events.PY_START)
print("spying")
