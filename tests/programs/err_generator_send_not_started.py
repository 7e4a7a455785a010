# sending a non-None value to a just-started generator
# warm-up: caught variants before the final uncaught error
def echo():
    v = None
    while True:
        v = yield v
e = echo()
print(e.send(None), e.send(1), e.send("two"))
e2 = echo()
try:
    e2.send(1)
except TypeError as err:
    print("caught:", err)
def g():
    x = yield 1
    print("got", x)
gen = g()
print(next(gen))
gen2 = g()
gen2.send(5)
