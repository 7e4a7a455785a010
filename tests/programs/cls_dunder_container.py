# container protocol dunders: __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __next__, __call__
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell %r out of range" % (key,))
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]
    def __len__(self):
        return self.w * self.h
    def __contains__(self, value):
        return value in self.cells.values()
    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))
g = Grid(3, 2)
g[0, 0] = "#"
g[2, 1] = "@"
print(len(g), g[0, 0], g[1, 1], "#" in g, "x" in g)
for row in g:
    print(row)
del g[0, 0]
print(list(g), bool(g))
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)), sum(Countdown(10)), 3 in Countdown(5))
cd = Countdown(3)
for v in cd:
    print("cd", v)
print(list(cd))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq(), [x for x in Seq()])
class Adder:
    def __init__(self, base):
        self.base = base
    def __call__(self, x, *more, scale=1):
        return (self.base + x + sum(more)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(Grid), callable(5))
class Empty:
    def __len__(self):
        return 0
print(bool(Empty()), "empty is falsy" if not Empty() else "?")
class Dictish:
    def __init__(self):
        self.d = {}
    def __missing__(self, key):
        return "never used"
class DefaultDict(dict):
    def __missing__(self, key):
        return "missing:" + str(key)
dd = DefaultDict(a=1)
print(dd["a"], dd["zz"], dd.get("zz"), "zz" in dd)
class Slicer:
    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return "slice(%r,%r,%r)" % (idx.start, idx.stop, idx.step)
        return "index %r" % (idx,)
s = Slicer()
print(s[1], s[1:5], s[::2], s[-1], s["key"])
class Rev:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
    def __reversed__(self):
        return iter(self.data[::-1] + ["(custom reversed)"])
print(list(reversed(Rev([1, 2, 3]))))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
