# frame introspection: inspect.currentframe, sys._getframe, f_back, f_lineno,
# f_locals of the caller, inspect.stack() names and line numbers
import inspect
import os
import sys


def who_called_me():
    caller = sys._getframe(1)
    return caller.f_code.co_name, caller.f_lineno, sorted(caller.f_locals)


def caller_locals():
    f = inspect.currentframe().f_back
    return {k: v for k, v in f.f_locals.items() if not k.startswith("_")}


def compute(a, b):
    total = a + b
    label = "sum"
    info = who_called_me()
    seen = caller_locals()
    return total, label, info, seen


print(compute(2, 3))


def describe_stack():
    out = []
    for fi in inspect.stack():
        out.append((os.path.basename(fi.filename), fi.lineno, fi.function,
                    fi.code_context[0].strip() if fi.code_context else None, fi.index))
    return out


def level2():
    return describe_stack()


def level1():
    return level2()


for row in level1():
    print(row)

f = inspect.currentframe()
print("module frame:", f.f_code.co_name, f.f_lineno, f.f_back is None)
print("globals is module dict:", f.f_globals is globals(), f.f_locals is globals())
print("builtins:", f.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else f.f_builtins is __builtins__)
print("filename:", os.path.basename(f.f_code.co_filename), f.f_code.co_filename == __file__)


def depth():
    n = 0
    f = sys._getframe()
    while f is not None:
        n += 1
        f = f.f_back
    return n


def deeper(k):
    return depth() if k == 0 else deeper(k - 1)


print("depths:", depth(), deeper(3), len(inspect.stack()))


def frame_lasti_lines():
    f = sys._getframe()
    first = f.f_lineno
    second = f.f_lineno
    return second - first, f.f_code.co_name, inspect.getframeinfo(f).lineno - f.f_code.co_firstlineno


print(frame_lasti_lines())


def gen():
    f = sys._getframe()
    yield f.f_code.co_name, f.f_back.f_code.co_name
    yield f.f_lineno - f.f_code.co_firstlineno, sys._getframe(1).f_code.co_name


def consume():
    return list(gen())


print(consume())
g = gen()
print(g.gi_frame.f_lineno - g.gi_code.co_firstlineno, g.gi_code.co_name, g.gi_running)
next(g)
print(g.gi_frame.f_lineno - g.gi_code.co_firstlineno, sorted(g.gi_frame.f_locals))


def modify_locals():
    x = 1
    sys._getframe().f_locals["x"] = 2
    return x


print(modify_locals())
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError:", e)
