# walrus, positional-only / keyword-only params, nested f-strings, global / nonlocal,
# decorators with arguments, context managers suppressing exceptions, comprehensions
import contextlib
import functools


def posonly(a, b, /, c, *, d=4):
    return a, b, c, d


print(posonly(1, 2, 3), posonly(1, 2, c=3, d=5))
try:
    posonly(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)

data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 6], y)
chunks = []
it = iter(range(7))
while chunk := [v for _, v in zip(range(3), it)]:
    chunks.append(chunk)
print(chunks)

width, prec = 10, 3
value = 3.14159
print(f"{value:{width}.{prec}f}|")
print(f"{'nested ' + f'{value:.1f}'!r:>20}")
print(f"{[f'{i:02d}' for i in range(3)]}")
print(f"{value=:.2f} {width = } {data[1:3]!s}")
d = {"k": {"inner": 5}}
print(f"{d['k']['inner'] * 2:+d} {'%s' % 'percent'} {{literal}}")

counter = 0


def bump():
    global counter
    counter += 1
    return counter


def outer():
    total = 0

    def add(k):
        nonlocal total
        total += k
        return total

    for i in range(4):
        add(i)
    return total, add(10)


bump()
bump()
print(counter, outer())


def repeat(times, sep="-"):
    def deco(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return sep.join(func(*args, **kwargs) for _ in range(times))
        return wrapper
    return deco


def tag(name):
    def deco(func):
        def wrapper(*a):
            return "<%s>%s</%s>" % (name, func(*a), name)
        return wrapper
    return deco


@tag("b")
@repeat(3, sep="+")
def word(w):
    """doc of word"""
    return w.upper()


print(word("hi"), word.__name__)
print(repeat(2)(str.lower)("AB"))


class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print("suppressing", exc_type.__name__, exc)
            return True
        return False


with Suppress(KeyError, IndexError):
    {}["missing"]
    print("not reached")
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("after suppress")
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped:", e)


@contextlib.contextmanager
def section(name):
    print("enter", name)
    try:
        yield name.upper()
    except RuntimeError as e:
        print("section", name, "handled", e)
    finally:
        print("exit", name)


with section("one") as s1, section("two") as s2:
    print(s1, s2)
with section("three"):
    raise RuntimeError("inside three")
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(section("s%d" % i)) for i in range(2)]
    stack.callback(print, "callback ran")
    print(names)

matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print([row[i] for i, row in enumerate(matrix)], {x % 3 for row in matrix for x in row},
      {k: v for k, v in zip("abc", matrix[2])}, sum(x for row in matrix for x in row if x % 2))
print(*[1, 2], *range(3), sep=",")
first, *middle, last = range(6)
print(first, middle, last, {**{"a": 1}, "b": 2, **dict(c=3)})
lam = (lambda a, /, b=2, *c, d, **e: (a, b, c, d, e))
print(lam(1, d=4), lam(1, 2, 3, d=4, z=5))
print(type(...).__name__, 1_000_000, 0x_ff, 0o17, 0b101, 1e3, 3j * 2j, "a" "b" 'c')
