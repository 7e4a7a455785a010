# bool as int, None
print(True + True, True * 10, False - True, True / 2, True // 1)
print(sum([True, False, True, True]), int(True), float(False))
print(True == 1, False == 0, True is True, True is not False)
print(isinstance(True, int), type(True).__name__, type(None).__name__)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool(" "), bool([]), bool([0]), bool({}), bool(None))
print(bool(()), bool((0,)), bool(set()), bool(range(0)), bool(range(1)))
print(str(True), repr(False), str(None), repr(None))
print(True & False, True | False, True ^ True, ~True, -True)
print(not None, None is None, None == None, None != 0)
d = {True: "a", 1: "b", 1.0: "c"}
print(d, len(d))
print({0, False, 0.0}, len({0, False, 0.0}))
print([1, 2, 3][True], "abc"[False])
print(max(True, 2), min(False, -1))
def f():
    pass
print(f(), f() is None)
x = None
print(x or "default", x and "never", 0 or None, "" or 0)
print(True < 2, False < True, sorted([True, False, 2, -1]))
print(hash(True) == hash(1), hash(None) == hash(None))
print(bool.__name__, True.__class__.__name__)
print(f"{True}", f"{True:d}", f"{None!r}", "%s %d" % (True, True))
