# closures: counters, late binding, cell sharing
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get(), inc(), get())
inc2, get2 = make_counter(100)
print(inc2(), get(), get2())
funcs = [lambda: i for i in range(4)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(4)]
print([f() for f in funcs])
def make_adders():
    adders = []
    for n in range(3):
        def add(x, n=n):
            return x + n
        adders.append(add)
    return adders
print([a(10) for a in make_adders()])
def late():
    fs = []
    for n in range(3):
        def f():
            return n
        fs.append(f)
    n = 100
    return fs
print([f() for f in late()])
def multiplier(factor):
    return lambda x: x * factor
double, triple = multiplier(2), multiplier(3)
print(double(7), triple(7), multiplier("ab")(3))
def outer():
    x = "outer"
    def mid():
        def inner():
            return x
        return inner
    return mid()()
print(outer())
def shared():
    val = [0]
    def a():
        val[0] += 1
        return val[0]
    def b():
        val[0] += 10
        return val[0]
    return a, b
a, b = shared()
print(a(), b(), a())
def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
print(compose(str, lambda x: x + 1, lambda x: x * 2)(5))
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def closure_over_loop_var_after():
    result = []
    for i in range(3):
        result.append(lambda: i * 10)
    return [f() for f in result]
print(closure_over_loop_var_after())
def cell_modified_after_creation():
    x = 1
    f = lambda: x
    x = 2
    return f()
print(cell_modified_after_creation())
print(make_counter.__name__, inc.__name__, (lambda: 0).__name__)
def gen_closure():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for v in range(5):
        add(v)
    return total
print(gen_closure())
