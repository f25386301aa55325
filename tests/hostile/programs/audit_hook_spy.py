# An audit hook would see every later program's text: adding one is refused (silently, as CPython does).
import sys


def spy(event, args):
    if event in ("compile", "exec"):
        print("SPY", event)


sys.addaudithook(spy)
print("hooked")
