# A dynamic import() needs code built from a string: refused.
from pyodide.ffi import to_js

Function = to_js({}).constructor.constructor
Function("return import('node:child_process')")()
