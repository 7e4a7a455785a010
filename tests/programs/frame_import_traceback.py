# an exception raised while a local module is being imported: the traceback
# goes from the import statement into the module's own frames (importlib's
# frames are removed, as CPython does)
import sys
import traceback


def load():
    import _frame_failing_module
    return _frame_failing_module


try:
    load()
except KeyError:
    traceback.print_exc()
print("in sys.modules after failure?", "_frame_failing_module" in sys.modules)
try:
    import _frame_no_such_module
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
load()
