# The JavaScript global scope (and its fetch) is not importable.
import js

js.fetch("http://example.com/")
