# Files the program writes live in Python's own memory file system, not the host's.
path = "/tmp/loopscope-hostile-write.txt"
with open(path, "w") as file:
    file.write("written")
with open(path) as file:
    print(file.read())
