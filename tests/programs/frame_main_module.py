"""The program's module docstring: __main__ looks exactly as under CPython."""
import os
import sys

print(__name__, __doc__)
print(sorted(k for k in globals() if k.startswith("__")))
print(__spec__, __package__, type(__loader__).__name__, __loader__.name)
print(os.path.basename(__file__), __file__ == os.path.abspath(__file__), sys.argv[0] == __file__)
print(__cached__ if "__cached__" in globals() else "no __cached__")
main = sys.modules["__main__"]
print(main.__dict__ is globals(), type(main).__name__, main.__name__, type(__builtins__).__name__)
print(os.path.basename(sys.path[0]), sys.path[0] == os.path.dirname(__file__))
print(sys.flags.optimize, sys.flags.dont_write_bytecode, sys.flags.inspect, sys.flags.interactive)
print(__annotations__ if "__annotations__" in globals() else "no annotations")
value: int = 3
print(__annotations__)
print(sys._getframe().f_code.co_name, sys._getframe().f_globals is globals())
print(sys._getframe().f_code.co_filename == __file__, sys._getframe().f_back)
print(__builtins__.__name__, "__main__" in sys.modules, main.value)


def f():
    pass


print(f.__module__, f.__globals__ is main.__dict__, repr(f).split(" at ")[0])
import __main__
print(__main__ is main, __main__.f is f)
print(os.path.basename(os.getcwd()), os.path.basename(sys.executable).startswith("python"))
