# Taking every sys.monitoring tool id, then catching every stop, cannot outlast the timeout.
import sys

for tool in range(6):
    try:
        sys.monitoring.use_tool_id(tool, "mine")
    except ValueError:
        pass
while True:
    try:
        while True:
            pass
    except BaseException:
        pass
