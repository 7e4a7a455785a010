# sys.excepthook and sys.unraisablehook replaced: they walk the traceback's
# frames (names, line numbers, locals) of the uncaught / unraisable exception
import sys


def hook(exc_type, exc, tb):
    print("excepthook:", exc_type.__name__, exc)
    while tb is not None:
        frame = tb.tb_frame
        code = frame.f_code
        shown = {k: v for k, v in frame.f_locals.items()
                 if not k.startswith("__") and isinstance(v, (int, str))}
        print("  %s line %d (first %d) locals %s" % (code.co_name, tb.tb_lineno, code.co_firstlineno,
                                                    shown if code.co_name != "<module>" else "..."))
        tb = tb.tb_next
    print("  __context__:", repr(exc.__context__))


def unraisable(u):
    tb = u.exc_traceback
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("unraisable:", u.exc_type.__name__, u.exc_value, names, u.err_msg, type(u.object).__name__)


sys.excepthook = hook
sys.unraisablehook = unraisable


class Noisy:
    def __del__(self):
        raise RuntimeError("error in __del__")


n = Noisy()
del n
print("after the unraisable error")


def level_two(items, index):
    label = "two"
    return items[index]


def level_one(count):
    items = list(range(count))
    return level_two(items, count + 1)


try:
    level_one(3)
except IndexError:
    print("exc_info inside handler:", sys.exc_info()[0].__name__, sys.exception().__class__.__name__ if hasattr(sys, "exception") else "IndexError")
print("exc_info after handler:", sys.exc_info())
try:
    raise KeyError("first")
except KeyError:
    level_one(5)
