# positional-only argument passed as keyword
# warm-up: caught variants before the final uncaught error
def p(a, b, /, c=0):
    return a, b, c
for args, kw in [((1, 2), {}), ((1, 2), {"c": 3}), ((1,), {"b": 2}), ((), {"a": 1, "b": 2})]:
    try:
        print(args, kw, p(*args, **kw))
    except TypeError as e:
        print(args, kw, "TypeError:", e)
def f(a, /, b):
    return a, b
print(f(1, b=2))
f(a=1, b=2)
