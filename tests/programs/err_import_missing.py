# importing a module that doesn't exist
# warm-up: caught variants before the final uncaught error
import json, string
print(json.dumps({"ok": True}), string.digits)
for name in ["os", "_missing_module_one", "collections"]:
    try:
        mod = __import__(name)
        print("imported", mod.__name__)
    except ImportError as e:
        print(type(e).__name__, e, e.name)
import math
print(math.floor(1.5))
import _definitely_not_a_module_here
