# sets and frozensets (print sorted to avoid order dependence)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection([1, 2, 7])), sorted(a.difference({1})), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7, 8}))
s = set()
s.add(3)
s.add(3)
s.update([1, 2], (5,))
print(sorted(s), len(s))
s.discard(100)
s.remove(1)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
p = s.pop()
print(p in {2, 3, 5}, len(s))
fs = frozenset([3, 1, 2, 3])
print(sorted(fs), len(fs), 2 in fs, type(fs).__name__, type(fs | {9}).__name__, type({9} | fs).__name__)
d = {fs: "frozen"}
print(d[frozenset({1, 2, 3})])
try:
    fs.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print({1, 2} == {2, 1}, {1, 2} == frozenset({1, 2}), set() == frozenset())
print(sorted({x % 5 for x in range(20)}), sorted(set("mississippi")))
c = {1, 2, 3}
c |= {4}
c &= {2, 3, 4}
c -= {3}
c ^= {10, 2}
print(sorted(c))
print(repr(set()), repr({1}), repr(frozenset()), repr(frozenset({7})))
words = ["apple", "bob", "apple", "cat", "bob"]
seen = set()
uniq = []
for w in words:
    if w not in seen:
        seen.add(w)
        uniq.append(w)
print(uniq)
print(len({0, 0.0, False}), len({1, True, 1.0, "1"}))
x = {1, 2, 3}
y = x.copy()
y.clear()
print(sorted(x), y)
print(sorted({(1, 2), (1, 2), (2, 1)}), max({5, 9, 1}), sum({1, 2, 3}))
