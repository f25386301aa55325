# os._exit ends the program at once, with its status, skipping clean-up.
import os

print("before")
try:
    os._exit(3)
finally:
    print("never printed")
