# argument unpacking with * and ** in calls and definitions
def show(*args, **kwargs):
    return "args=%r kwargs=%r" % (args, dict(sorted(kwargs.items())))
print(show(*[1, 2], 3, *(4,), a=1, **{"b": 2}, **{"c": 3}))
def point(x, y, z=0):
    return (x, y, z)
coords = {"x": 1, "y": 2}
print(point(**coords), point(*[5, 6]), point(*[1], **{"y": 9}), point(**{"z": 3, "y": 2, "x": 1}))
try:
    point(**{"x": 1}, **{"x": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    point(*[1, 2, 3, 4])
except TypeError as e:
    print("TypeError:", e)
try:
    point(**{"w": 1, "x": 1, "y": 2})
except TypeError as e:
    print("TypeError:", e)
def forward(*a, **k):
    return show(*a, **k)
print(forward(1, x=2))
def kw_defaults(a, b=10, *rest, c, d=20, **others):
    return a, b, rest, c, d, sorted(others.items())
print(kw_defaults(1, c=3))
print(kw_defaults(1, 2, 3, 4, c=5, d=6, e=7))
print(kw_defaults(*range(5), **{"c": 0, "zz": 1}))
def takes_dict(**kw):
    kw["added"] = True
    return kw
orig = {"k": 1}
res = takes_dict(**orig)
print(orig, res)
first, *middle, last = (lambda *a: a)(1, 2, 3, 4)
print(first, middle, last)
print(*"abc", sep=",")
print(max(*[3, 9, 2]), min(*"zyx"))
merged = {**{"a": 1, "b": 2}, **{"b": 3}, "c": 4}
print(merged)
print([*range(3), *"ab"], (*[1, 2],), {*[1, 1, 2]})
def pos_and_kw(a, b, /, c, *, d):
    return a + b + c + d
print(pos_and_kw(1, 2, 3, d=4), pos_and_kw(1, 2, c=3, d=4))
