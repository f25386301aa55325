# An import hook left in sys.meta_path does not reach the next run.
import sys


class Spy:
    def find_spec(self, name, path=None, target=None):
        print("SPY import", name)
        return None


sys.meta_path.insert(0, Spy())
print("installed")
