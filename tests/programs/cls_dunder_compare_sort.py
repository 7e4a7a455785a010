# comparison dunders, sorting user objects, total_ordering, hashing
import functools
@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return "V(%s)" % ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "2.0", "1.2"]]
print(sorted(vs))
print(sorted(vs, reverse=True))
print(max(vs), min(vs))
a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == Version("1.2"), a != b)
print(len(set(vs)), sorted(set(vs)))
class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __repr__(self):
        return "%s%s" % (self.rank, self.suit)
cards = [Card(r, s) for r, s in [(3, "h"), (1, "s"), (3, "c"), (2, "h"), (1, "d")]]
print(sorted(cards, key=lambda c: c.rank))
print(sorted(cards, key=lambda c: (c.suit, -c.rank)))
try:
    sorted(cards)
except TypeError as e:
    print("TypeError:", e)
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return "L%d" % self.v
items = [OnlyLt(3), OnlyLt(1), OnlyLt(2)]
print(sorted(items), max(items), min(items))
print(OnlyLt(5) > OnlyLt(2))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print("TypeError:", e)
class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
class DefaultEq:
    pass
x, y = DefaultEq(), DefaultEq()
print(x == x, x == y, x != y, len({x, y, x}))
records = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(records, key=lambda r: r[1]), sorted(records))
stable = sorted(["bb", "a", "ccc", "dd", "e"], key=len)
print(stable)
class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v > o.v
    def __repr__(self):
        return repr(self.v)
print(sorted([Rev(1), Rev(3), Rev(2)]))
print(sorted(["b", "A", "c"], key=str.lower), sorted([3, 1, 2], key=lambda v: -v))
class Eq:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Eq) and self.k % 10 == o.k % 10
    def __hash__(self):
        return self.k % 10
print(len({Eq(1), Eq(11), Eq(2)}), Eq(3) in [Eq(13)], [Eq(1), Eq(2)].index(Eq(22)))
