# unexpected keyword argument
# warm-up: caught variants before the final uncaught error
def f2(a, **kw):
    return a, sorted(kw)
def f3(a, b):
    return a, b
for fn, kw in [(f2, {"a": 1, "q": 2}), (f3, {"a": 1, "b": 2}), (f3, {"a": 1, "b": 2, "c": 3}), (f3, {"b": 1, "bb": 2})]:
    try:
        print(fn.__name__, fn(**kw))
    except TypeError as e:
        print(fn.__name__, "TypeError:", e)
def f(a, b=2):
    return a - b
print(f(1), f(1, b=5))
f(1, z=3)
