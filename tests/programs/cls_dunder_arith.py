# dunder methods used by operators
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "<%s, %s>" % (self.x, self.y)
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd with", o)
        return self + o
    def __iadd__(self, o):
        print("iadd")
        self.x += o.x
        self.y += o.y
        return self
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return Vec(self.y, self.x)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __bool__(self):
        return bool(self.x or self.y)
    def __lshift__(self, n):
        return Vec(self.x << n, self.y << n)
    def __and__(self, o):
        return Vec(self.x & o.x, self.y & o.y)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, b / 2, b // 2, b % 2, a ** 2, a @ b, -a, +a, abs(b), ~a)
print(repr(a + 1), 10 + a, sum([a, b], Vec(0, 0)))
print(sum([a, b]))
c = a
c += b
print(c, a, c is a)
print(a == Vec(4, 6), a != b, a == "x", Vec(0, 0) == Vec(0, 0))
print(bool(Vec(0, 0)), bool(a), "truthy" if Vec(0, 1) else "falsy")
print(len({Vec(1, 1), Vec(1, 1), Vec(2, 2)}), {Vec(1, 1): "one"}[Vec(1, 1)])
print(a << 2, Vec(6, 5) & Vec(3, 3))
try:
    a + "str"
except TypeError as e:
    print("TypeError:", e)
try:
    "str" - a
except TypeError as e:
    print("TypeError:", e)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + other.cents)
    def __repr__(self):
        return "Money(%d)" % self.cents
m = Money(5)
m += Money(7)
print(m)
class Num:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("Num.__eq__")
        return NotImplemented
n = Num(1)
print(n == 1, n != 1, n == n)
class RevOnly:
    def __rsub__(self, other):
        return "rsub(%r)" % other
    def __rtruediv__(self, other):
        return "rtruediv(%r)" % other
    def __rpow__(self, other):
        return "rpow(%r)" % other
print(5 - RevOnly(), 1.5 / RevOnly(), 2 ** RevOnly())
class Sub(Vec):
    def __radd__(self, o):
        return "Sub.__radd__ wins"
print(Vec(1, 1) + Sub(2, 2))
