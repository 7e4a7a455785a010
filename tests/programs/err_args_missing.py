# missing required positional argument
# warm-up: caught variants before the final uncaught error
def h(a, b=1, *c, d, e=2):
    return a, b, c, d, e
for args, kw in [((1,), {"d": 0}), ((), {"d": 0}), ((1, 2, 3), {}), ((1,), {"d": 1, "e": 5})]:
    try:
        print(args, kw, h(*args, **kw))
    except TypeError as e:
        print(args, kw, "TypeError:", e)
def f(a, b):
    return a * b
print(f(3, 4))
f(1)
