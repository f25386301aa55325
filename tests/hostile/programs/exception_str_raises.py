# An uncaught exception whose __str__ raises is reported as CPython reports it.
class Weird(Exception):
    def __str__(self):
        raise RuntimeError("no str for you")


raise Weird()
