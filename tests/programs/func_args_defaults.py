# default args, mutable default gotcha, *args, **kwargs, keyword-only, positional-only
def greet(name, greeting="Hello", punct="!"):
    return "%s, %s%s" % (greeting, name, punct)
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(punct=".", name="Di"))
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_safe(1), append_safe(2))
counter_default = 10
def uses_default(x=counter_default):
    return x
counter_default = 99
print(uses_default())
def varargs(*args, **kwargs):
    return args, sorted(kwargs.items())
print(varargs(), varargs(1, 2), varargs(a=1), varargs(1, b=2, a=3))
print(varargs(*[1, 2], *(3,), **{"z": 1}, **{"y": 2}))
def kwonly(a, *, b, c=3):
    return a, b, c
print(kwonly(1, b=2), kwonly(a=1, b=2, c=4))
def posonly(a, b, /, c, *, d):
    return a, b, c, d
print(posonly(1, 2, 3, d=4), posonly(1, 2, c=3, d=4))
def mixed(a, b=2, /, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, sorted(kw)
print(mixed(1, d=4), mixed(1, 9, 8, 7, 6, d=0, z=1, a=2))
def posonly_kw(a, /, **kw):
    return a, kw
print(posonly_kw(1, a=2))
tests = [
    lambda: kwonly(1, 2),
    lambda: kwonly(1),
    lambda: posonly(a=1, b=2, c=3, d=4),
    lambda: greet(),
    lambda: greet("a", "b", "c", "d"),
    lambda: greet("a", name="b"),
    lambda: greet("a", zzz=1),
    lambda: mixed(),
    lambda: varargs(**{1: 2}) if False else posonly(1, 2, 3, 4),
    lambda: (lambda x: x)(),
    lambda: len(),
    lambda: len([], []),
    lambda: int("1", base=10, extra=1),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
def defaults_evaluated_once(x=[]):
    x.append(len(x))
    return len(x)
print([defaults_evaluated_once() for _ in range(4)])
print(greet.__defaults__, kwonly.__kwdefaults__, greet.__name__)
def star_only(*, key):
    return key
print(star_only(key="k"))
def collect(first, *rest, sep="-"):
    return sep.join([str(first)] + [str(r) for r in rest])
print(collect(1), collect(1, 2, 3), collect("a", "b", sep="+"))
args = (1, 2)
kwargs = {"c": 3, "d": 4}
print(posonly(*args, **kwargs))
