# os.system cannot run a shell.
import os

status = os.system("touch /tmp/loopscope-hostile-system")
print("status", status)
