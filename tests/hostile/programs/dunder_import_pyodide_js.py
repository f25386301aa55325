# __import__ finds no more than import does.
__import__("pyodide_js")
