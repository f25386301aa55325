# Deleting builtins breaks this program only, not the next.
import builtins

del builtins.print
del builtins.len
builtins.__dict__.pop("range")
len("x")
