# Raising SIGINT at itself ends the program as KeyboardInterrupt does (status 130).
import signal

signal.raise_signal(signal.SIGINT)
