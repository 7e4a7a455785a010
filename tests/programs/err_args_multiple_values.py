# multiple values for the same argument
# warm-up: caught variants before the final uncaught error
def pair(x, y=0):
    return x, y
for args, kw in [((1,), {"y": 2}), ((1, 2), {"y": 3}), ((), {"x": 1, "y": 2}), ((1,), {"x": 1})]:
    try:
        print(args, kw, pair(*args, **kw))
    except TypeError as e:
        print(args, kw, "TypeError:", e)
def f(a, b):
    return (a, b)
print(f(1, b=2))
f(1, a=2)
