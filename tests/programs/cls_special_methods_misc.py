# misc special methods: __index__, __int__, __float__, __round__, __hash__ with __eq__, __class_getitem__-free
import math
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
i = Idx(2)
print([10, 20, 30][i], "abcdef"[Idx(1):Idx(4)], bin(Idx(5)), hex(Idx(255)), range(Idx(3)), [0] * Idx(3))
class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __round__(self, n=None):
        return "rounded(%r, %r)" % (self.v, n)
    def __abs__(self):
        return "abs!"
    def __trunc__(self):
        return 99
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
n = Num(3.7)
print(int(n), float(n), round(n), round(n, 2), abs(n), math.trunc(n), math.floor(n), math.ceil(n))
class Truthy:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        print("__bool__ called")
        return self.b
t, f = Truthy(True), Truthy(False)
print(t and "yes", f or "fallback")
if not f:
    print("not f")
print([x.b for x in [t, f] if x])
class CtxLen:
    def __len__(self):
        return 3
print(bool(CtxLen()), len(CtxLen()))
class Hashy:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, o):
        return isinstance(o, Hashy) and o.k == self.k
    def __repr__(self):
        return "H(%r)" % self.k
s = {Hashy(1), Hashy(1), Hashy("a")}
print(len(s), Hashy("a") in s, sorted(s, key=lambda h: str(h.k)))
d = {Hashy((1, 2)): "tuple-key"}
print(d[Hashy((1, 2))])
class Container:
    def __init__(self):
        self.items = {}
    def __getitem__(self, k):
        return self.items[k]
    def __setitem__(self, k, v):
        self.items[k] = v
    def __iter__(self):
        return iter(sorted(self.items))
    def __len__(self):
        return len(self.items)
c = Container()
c["b"] = 2
c["a"] = 1
c["b"] += 10
print(list(c), len(c), c["b"], dict((k, c[k]) for k in c))
class Neg:
    def __neg__(self):
        return "negated"
    def __pos__(self):
        return "positived"
    def __invert__(self):
        return "inverted"
print(-Neg(), +Neg(), ~Neg())
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o
    def __ne__(self, o):
        return "custom ne"
print(Cmp(1) == 1, Cmp(1) != 1, 1 == Cmp(1))
