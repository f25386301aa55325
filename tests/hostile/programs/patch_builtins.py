# Replacing print in builtins does not carry over to the next run.
import builtins

builtins.print = lambda *args, **kwargs: None
builtins.input = lambda prompt="": "forged"
print("swallowed")
