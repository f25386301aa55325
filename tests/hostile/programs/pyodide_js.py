# The Pyodide API object (which can mount host folders) is not importable.
import pyodide_js

pyodide_js.mountNodeFS("/mnt", "/")
