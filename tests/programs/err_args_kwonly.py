# keyword-only argument passed positionally
# warm-up: caught variants before the final uncaught error
def g(*, a, b=2):
    return a + b
for kw in [{"a": 1}, {"a": 1, "b": 5}, {}, {"a": 1, "c": 3}]:
    try:
        print(kw, g(**kw))
    except TypeError as e:
        print(kw, "TypeError:", e)
def f(a, *, key):
    return a, key
print(f(1, key=2))
f(1, 2)
