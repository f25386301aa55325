# Any JavaScript object leads to Function; building code from a string is refused.
from pyodide.ffi import to_js

obj = to_js({"a": 1})
get_process = obj.constructor.constructor("return process")
print(get_process())
