# The host's files are not there to read.
with open("/etc/passwd") as file:
    print(file.read())
