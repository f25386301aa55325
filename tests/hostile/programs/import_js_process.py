# `import js` does not give the program Node's process.
import js

print(js.process.mainModule)
