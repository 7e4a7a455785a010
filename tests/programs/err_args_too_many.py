# too many positional arguments to a user function
# warm-up: caught variants before the final uncaught error
def zero():
    return 0
def one(a):
    return a
def opt(a, b=1):
    return a + b
for fn, args in [(zero, ()), (zero, (1,)), (one, (1, 2)), (opt, (1, 2)), (opt, (1, 2, 3))]:
    try:
        print(fn.__name__, args, fn(*args))
    except TypeError as e:
        print(fn.__name__, args, "TypeError:", e)
def f(a, b):
    return a + b
print(f(1, 2))
f(1, 2, 3)
