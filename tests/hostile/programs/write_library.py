# Python's library and the runtime's own files are read-only, through a link too.
import os

os.symlink("/home/pyodide/loopscope", "/tmp/runtime")
for target in ("/tmp/runtime/loopscope_runtime/runner.py", "/lib/python3.14/site-packages/x.pth"):
    try:
        open(target, "a").close()
    except PermissionError as error:
        print(type(error).__name__, error.filename)
with open("/lib/python314.zip", "r+b") as library:
    library.write(b"gone")
