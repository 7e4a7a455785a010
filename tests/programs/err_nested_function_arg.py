# wrong number of arguments to a nested function (qualified name in message)
# warm-up: caught variants before the final uncaught error
def make():
    def add(a, b):
        return a + b
    return add
adder = make()
print(adder(1, 2), adder.__name__, adder.__qualname__)
try:
    adder(1)
except TypeError as e:
    print("TypeError:", e)
def outer():
    def inner(a):
        return a
    print(inner(1))
    return inner(1, 2)
outer()
