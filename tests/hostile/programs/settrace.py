# A trace function, a profiler and a warnings filter set by the program end with it (or they would spy on the next).
import sys
import warnings


def spy(frame, event, arg):
    # Only another program's code: the runtime's and the standard library's files have absolute paths.
    name = frame.f_code.co_filename
    if event == "call" and not name.startswith(("/", "<")) and name != "settrace.py":
        print("SPY", frame.f_code.co_name)


warnings.simplefilter("error")
sys.setprofile(spy)
sys.settrace(spy)
print("tracing")
