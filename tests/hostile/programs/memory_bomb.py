# Asking for more memory than WebAssembly has raises MemoryError, as on a full machine.
data = [None] * (2**29)
