# wrong number of arguments to a lambda
# warm-up: caught variants before the final uncaught error
g = lambda *a, **k: (a, sorted(k))
h = lambda x=1: x * 2
print(g(), g(1, 2, z=3), h(), h(5), (lambda: "no args")())
for call in [lambda: h(1, 2), lambda: (lambda: 0)(1), lambda: (lambda a: a)(b=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
f = lambda x, y: x + y
print(f(1, 2))
f(1)
