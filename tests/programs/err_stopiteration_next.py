# next() on an exhausted iterator outside a generator
# warm-up: caught variants before the final uncaught error
it0 = iter("ab")
print(next(it0), next(it0), next(it0, "default"))
g0 = (x for x in [1])
print(next(g0))
try:
    next(g0)
except StopIteration as e:
    print("caught StopIteration, value:", e.value)
it = iter([1, 2])
print(next(it), next(it))
print(next(it))
