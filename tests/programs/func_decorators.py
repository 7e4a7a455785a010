# decorators with/without args, stacked, functools.wraps
import functools
def trace(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        print("call", f.__name__, args, sorted(kwargs.items()))
        r = f(*args, **kwargs)
        print("ret", f.__name__, r)
        return r
    return wrapper
@trace
def add(a, b=0):
    """Adds numbers."""
    return a + b
add(1, 2)
add(5, b=6)
print(add.__name__, add.__doc__, add.__wrapped__(10, 20))
def no_wraps(f):
    def inner(*a):
        return f(*a)
    return inner
@no_wraps
def original():
    pass
print(original.__name__)
def repeat(times):
    def deco(f):
        @functools.wraps(f)
        def wrapper(*args):
            return [f(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"), hello.__name__)
def bold(f):
    return lambda: "<b>" + f() + "</b>"
def italic(f):
    return lambda: "<i>" + f() + "</i>"
@bold
@italic
def text():
    return "txt"
print(text())
order = []
def mark(label):
    order.append("factory " + label)
    def deco(f):
        order.append("apply " + label)
        return f
    return deco
@mark("outer")
@mark("inner")
def marked():
    return 1
print(order)
def count_calls(f):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return f(*a, **k)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop(x):
    return x
for i in range(5):
    noop(i)
print("calls:", noop.calls)
registry = {}
def register(name=None):
    def deco(f):
        registry[name or f.__name__] = f
        return f
    return deco
@register()
def alpha():
    return "a"
@register("B")
def beta():
    return "b"
print(sorted(registry), registry["B"](), registry["alpha"]())
class Deco:
    def __init__(self, f):
        self.f = f
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.f(*a) * 2
@Deco
def six():
    return 3
print(six(), six(), six.n)
def validate(*types):
    def deco(f):
        @functools.wraps(f)
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError("%s expected %s, got %s" % (f.__name__, t.__name__, type(a).__name__))
            return f(*args)
        return wrapper
    return deco
@validate(int, str)
def rep(n, s):
    return s * n
print(rep(3, "ab"))
try:
    rep("3", "ab")
except TypeError as e:
    print("TypeError:", e)
@functools.lru_cache(maxsize=None)
def slow_square(n):
    print("computing", n)
    return n * n
print(slow_square(4), slow_square(4), slow_square(5), slow_square.cache_info().hits)
