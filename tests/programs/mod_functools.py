# functools: reduce, lru_cache, partial, wraps, cmp_to_key, total_ordering
import functools
print(functools.reduce(lambda a, b: a + b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, range(1, 11), 1))
print(functools.reduce(lambda acc, w: acc + [w.upper()], ["x", "y"], []), functools.reduce(max, [3, 9, 2]))
def join_pair(a, b):
    return "(%s+%s)" % (a, b)
print(functools.reduce(join_pair, "abcd"))
try:
    functools.reduce(join_pair, [])
except TypeError as e:
    print("TypeError:", e)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(150), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
calls = []
@functools.lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n
for v in [1, 2, 1, 3, 1, 2]:
    sq(v)
print(calls, sq.cache_info().hits, sq.cache_info().misses)
@functools.cache
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)
print(ways(60))
def power(base, exp, mod=None):
    return pow(base, exp, mod) if mod else base ** exp
square = functools.partial(power, exp=2)
cube_mod = functools.partial(power, exp=3, mod=10)
two_to = functools.partial(power, 2)
print(square(12), cube_mod(7), two_to(10), square.keywords, two_to.args, two_to.func is power)
print(list(map(functools.partial(int, base=2), ["101", "111"])))
def compare_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
print(sorted(["ccc", "a", "bb", "aa", "b"], key=functools.cmp_to_key(compare_len_then_alpha)))
@functools.total_ordering
class Score:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(Score(1) <= Score(2), Score(3) >= Score(3), Score(5) > Score(4), sorted([Score(3), Score(1)])[0].v)
def logged(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a)
    return inner
@logged
def documented():
    "doc!"
print(documented.__name__, documented.__doc__)
class Lazy:
    def __init__(self):
        self.n = 0
    @functools.cached_property
    def expensive(self):
        self.n += 1
        return "computed %d" % self.n
lz = Lazy()
print(lz.expensive, lz.expensive, lz.n)
@functools.singledispatch
def describe(x):
    return "object"
@describe.register
def _(x: int):
    return "int %d" % x
@describe.register(list)
def _(x):
    return "list of %d" % len(x)
print(describe(1), describe([1, 2]), describe("s"), describe(True))
