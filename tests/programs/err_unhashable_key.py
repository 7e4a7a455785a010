# unhashable type as dict key
# warm-up: caught variants before the final uncaught error
for key in [1, "s", (1, 2), frozenset([1]), None, [1], {1: 2}, {1}]:
    try:
        print(repr(key), {key: 1}[key])
    except TypeError as e:
        print(repr(key), "TypeError:", e)
d = {}
d[(1, 2)] = "tuple ok"
print(d)
d[[1, 2]] = "list not ok"
