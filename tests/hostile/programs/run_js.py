# pyodide.code.run_js cannot run JavaScript.
from pyodide.code import run_js

run_js("process.exit(7)")
