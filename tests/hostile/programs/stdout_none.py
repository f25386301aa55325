# With sys.stdout set to None, print does nothing (as in CPython); stderr still works.
import sys

sys.stdout = None
print("lost")
sys.stderr.write("still here\n")
