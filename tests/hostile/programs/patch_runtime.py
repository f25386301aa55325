# Replacing the runtime's functions lies about this run only: the next run is untouched.
from loopscope_runtime import stdio

real_write = stdio.TracedOutput.write
stdio.TracedOutput.write = lambda self, text: real_write(self, "PWNED by previous run " + text)
print("patched")
