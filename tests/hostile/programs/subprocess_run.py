# Subprocesses cannot start.
import subprocess

subprocess.run(["touch", "/tmp/loopscope-hostile-subprocess"])
