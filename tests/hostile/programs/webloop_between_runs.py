# Pyodide's own event loop cannot schedule Python to run between runs.
import pyodide.webloop


def later():
    print("PWNED between runs")


pyodide.webloop.WebLoop().call_later(0.01, later)
