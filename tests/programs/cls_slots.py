# __slots__
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"))
class Q(P):
    pass
q = Q(1, 2)
q.z = 3
print(q.z, hasattr(q, "__dict__"))
class R(P):
    __slots__ = ("w",)
r = R(1, 2)
r.w = 4
print(r.x, r.y, r.w)
try:
    r.v = 1
except AttributeError as e:
    print("AttributeError:", e)
class S:
    __slots__ = ["a"]
s = S()
try:
    print(s.a)
except AttributeError as e:
    print("AttributeError:", e)
s.a = 5
del s.a
print(hasattr(s, "a"))
print(P.__slots__, R.__slots__)
class WithClassAttr:
    __slots__ = ("v",)
    default = 7
w = WithClassAttr()
print(w.default)
try:
    w.default = 8
except AttributeError as e:
    print("AttributeError:", e)
