# A module written into the working folder is not imported by the next program in place of the library's.
import os

with open("statistics.py", "w") as module:
    module.write("print('planted')\nmean = lambda values: 42\n")
os.makedirs("/tmp/stash", exist_ok=True)
with open("/tmp/stash/notes.txt", "w") as notes:
    notes.write("left behind")
print(sorted(os.listdir(".")))
