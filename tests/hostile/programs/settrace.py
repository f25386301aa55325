# A trace function and a warnings filter set by the program end with it.
import sys
import warnings

warnings.simplefilter("error")
sys.settrace(lambda *args: None)
print("tracing")
