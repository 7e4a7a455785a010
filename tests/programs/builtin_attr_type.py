# getattr/setattr/hasattr/delattr, type(), callable, isinstance
class Obj:
    cls_val = "class"
    def __init__(self):
        self.a = 1
    def method(self):
        return "method result"
o = Obj()
print(getattr(o, "a"), getattr(o, "cls_val"), getattr(o, "missing", "default"), getattr(o, "method")())
setattr(o, "b", [1, 2])
setattr(o, "a", 100)
print(o.a, o.b, hasattr(o, "b"), hasattr(o, "c"), hasattr(Obj, "method"), hasattr(Obj, "a"))
delattr(o, "b")
print(hasattr(o, "b"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(o, 5)
except TypeError as e:
    print("TypeError:", e)
for name in ["upper", "split", "nonexistent"]:
    print(name, hasattr("s", name))
print(getattr("hello", "upper")(), getattr([3, 1, 2], "index")(2), getattr(5, "bit_length")())
values = [1, 1.5, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), None, True, range(1), len, Obj, o, type]
print([type(v).__name__ for v in values])
print(type(1) is int, type(True) is bool, type(True) is int, type(o) is Obj, type(Obj) is type)
print(callable(len), callable(Obj), callable(o), callable(o.method), callable(lambda: 0), callable("s"), callable(None))
print(type("abc")("xyz"), type(5)("12"), type([])((1, 2)))
for obj, attr in [(o, "a"), (Obj, "cls_val"), ("s", "join")]:
    print(attr, hasattr(obj, attr))
print(getattr(Obj, "cls_val"), Obj.method(o), getattr(Obj, "method")(o))
setattr(Obj, "added", staticmethod(lambda: "static added"))
print(Obj.added(), o.added())
print(isinstance(o, Obj), isinstance(Obj, type), isinstance(len, type))
print(len.__name__, Obj.__name__, Obj.method.__name__, type(o).__name__, o.__class__.__name__)
print(int.__name__, str.__name__, type(None).__name__, type(...).__name__, type(NotImplemented).__name__)
print(o is o, o is not Obj())
