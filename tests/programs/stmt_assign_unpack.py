# assignment forms: chained, tuple, star, nested, subscript/attr/slice targets
a = b = c = [1]
b.append(2)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x
print(x, y)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
p, *q, r = [1, 2]
print(p, q, r)
(a1, b1), c1 = (1, 2), 3
print(a1, b1, c1)
[d1, (e1, *f1)], g1 = [4, (5, 6, 7)], 8
print(d1, e1, f1, g1)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for a2, *b2 in [(1, 2, 3), (4,)]:
    print(a2, b2)
lst = [0] * 6
lst[0], lst[-1] = "first", "last"
print(lst)
lst[1:3] = [7, 8, 9, 10]
print(lst)
lst[:] = "abc"
print(lst)
lst[len(lst):] = [1, 2]
print(lst)
lst[1:1] = ["inserted"]
print(lst)
class O:
    pass
o = O()
o.x, o.y = 10, 20
o.pair = o.x, o.y
print(o.x, o.y, o.pair)
d = {}
d["k"], d["j"] = d.get("k", 0) + 1, 5
print(d)
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99
print(i, arr)
m = [[0, 0], [0, 0]]
m[0][1] = m[1][0] = 5
print(m)
try:
    a3, b3 = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a3, b3, c3 = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a3, *b3, c3 = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a3, b3 = 5
except TypeError as e:
    print("TypeError:", e)
s1, s2 = "xy"
print(s1, s2)
k1, k2 = {"one": 1, "two": 2}
print(k1, k2)
n = [1, 2, 3]
n[::2] = [9, 9]
print(n)
print(*[1, 2], *"ab", sep="|")
combo = [*range(3), *[10, 11], *"z"]
print(combo, {**{"a": 1}, "b": 2, **{"a": 3}}, (*combo[:2],))
x = y = 0
x += 1
print(x, y)
