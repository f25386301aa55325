# Threads cannot start in Pyodide.
import threading

threading.Thread(target=print, args=("from a thread",)).start()
