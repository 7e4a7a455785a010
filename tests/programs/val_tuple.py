# tuples
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t * 2, t + (4,), (1,), (), tuple())
print(type(()).__name__, (1) == 1, (1,) == 1)
a, b, c = t
print(a, b, c)
print(t.count(2), t.index(3), 2 in t, 5 not in t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), (1, "a") == (1, "a"))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(max([(1, 5), (2, 0), (1, 9)]), min((3, 1), (3, 0)))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
print(tuple([1, 2]), tuple("abc"), tuple(range(3)), tuple({"a": 1, "b": 2}))
tl = ([1], [2])
tl[0].append(9)
print(tl)
try:
    tl[0] += [10]
except TypeError as e:
    print("TypeError:", e)
print(tl)
d = {(1, 2): "pair", (): "empty"}
print(d[(1, 2)], d[()], hash((1, 2)) == hash((1, 2)))
try:
    hash(([1],))
except TypeError as e:
    print("TypeError:", e)
x = 1, 2
y = 3,
print(x, y, type(y).__name__)
print(repr((1,)), repr(("a",)), str((1.5, None, "s")))
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q)
print(tuple(x * 2 for x in t), t[::-1], t[::2])
