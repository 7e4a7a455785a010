"""Closures as callbacks, accumulators, decorators and a reactive spreadsheet.

Workload: closures and higher-order functions. An event bus whose handlers are
closures capturing (and updating, via ``nonlocal``) their own state; counter
and accumulator factories; decorators that memoise and count calls; function
composition and partial application built from nested functions; and a small
reactive spreadsheet whose cells are lambdas over other cells, re-evaluated
through a dependency graph when inputs change. Seeded ``random.Random``.
"""
import functools
import random


def make_counter(start=0, step=1):
    value = start

    def counter():
        nonlocal value
        value += step
        return value
    return counter


def make_accumulator():
    items = []
    total = 0

    def add(x):
        nonlocal total
        items.append(x)
        total += x
        return total

    def mean():
        return total // len(items) if items else 0

    def reset():
        nonlocal total
        items.clear()
        total = 0
    return add, mean, reset


def counted(fn):
    calls = 0

    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = lambda: calls
    wrapper.__name__ = fn.__name__
    return wrapper


def memoize(fn):
    cache = {}

    @functools.wraps(fn)
    def wrapper(*args):
        try:
            return cache[args]
        except KeyError:
            result = cache[args] = fn(*args)
            return result
    wrapper.cache = cache
    return wrapper


def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed


def partial(fn, *bound, **kwbound):
    def applied(*args, **kwargs):
        kw = dict(kwbound)
        kw.update(kwargs)
        return fn(*bound, *args, **kw)
    return applied


class EventBus:
    def __init__(self):
        self.handlers = {}

    def on(self, name, handler):
        self.handlers.setdefault(name, []).append(handler)
        return lambda: self.handlers[name].remove(handler)

    def emit(self, name, *payload):
        results = []
        for h in list(self.handlers.get(name, ())):
            results.append(h(*payload))
        return results


class Sheet:
    """Cells are values or functions of other cells; dependants recompute lazily."""

    def __init__(self):
        self.formulas = {}
        self.cache = {}
        self.dependants = {}
        self.evaluations = 0

    def set(self, name, formula, deps=()):
        self.formulas[name] = (formula, tuple(deps))
        for d in deps:
            self.dependants.setdefault(d, set()).add(name)
        self.invalidate(name)

    def invalidate(self, name):
        stack = [name]
        while stack:
            n = stack.pop()
            if n in self.cache:
                del self.cache[n]
            stack.extend(sorted(self.dependants.get(n, ())))

    def get(self, name):
        if name in self.cache:
            return self.cache[name]
        formula, deps = self.formulas[name]
        self.evaluations += 1
        value = formula(*[self.get(d) for d in deps]) if callable(formula) else formula
        self.cache[name] = value
        return value


@memoize
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


@counted
def clamp(x, lo=0, hi=1000):
    return lo if x < lo else hi if x > hi else x


def main():
    rng = random.Random(55)
    bus = EventBus()
    add, mean, reset = make_accumulator()
    tick = make_counter()
    evens = make_counter(0, 2)
    seen_big = []
    bus.on("value", add)
    bus.on("value", lambda v: tick())
    unsubscribe = bus.on("value", lambda v: seen_big.append(v) if v > 990 else None)
    bus.on("reset", reset)
    thresholds = [make_counter() for _ in range(5)]
    for i, c in enumerate(thresholds):
        bus.on("value", (lambda c, limit: lambda v: c() if v >= limit else None)(c, 200 * i))
    last_total = 0
    for i in range(900000):
        v = rng.randrange(1000)
        last_total = bus.emit("value", v)[0]
        if i % 10000 == 9999:
            evens()
            if i == 69999:
                unsubscribe()
            if i % 50000 == 29999:
                bus.emit("reset")
    print("ticks:", tick() - 1, "total since reset:", last_total, "mean:", mean(),
          "big values seen:", len(seen_big), "evens:", evens())
    print("threshold counters:", [c() - 1 for c in thresholds])

    pipeline = compose(partial(clamp, hi=900), lambda x: x * 3 - 250, abs, lambda x: x - 400)
    acc = 0
    for i in range(300000):
        acc += pipeline(rng.randrange(2000))
    print("pipeline checksum:", acc, "clamp calls:", clamp.calls())

    print("partitions(160, 160):", partitions(160, 160), "cache entries:", len(partitions.cache))

    sheet = Sheet()
    n = 60
    for i in range(n):
        sheet.set("in%d" % i, i)
    for i in range(n):
        deps = ["in%d" % i, "in%d" % ((i * 7 + 3) % n)]
        sheet.set("mid%d" % i, lambda a, b: a * 2 + b, deps)
    for i in range(0, n, 3):
        deps = ["mid%d" % j for j in range(i, min(n, i + 3))]
        sheet.set("agg%d" % i, lambda *xs: max(xs) - min(xs) + len(xs), deps)
    sheet.set("total", lambda *xs: sum(xs), ["agg%d" % i for i in range(0, n, 3)])
    totals = 0
    for step in range(15000):
        cell = "in%d" % rng.randrange(n)
        sheet.set(cell, rng.randrange(100))
        totals += sheet.get("total")
    print("sheet total checksum:", totals, "evaluations:", sheet.evaluations)


if __name__ == "__main__":
    main()
