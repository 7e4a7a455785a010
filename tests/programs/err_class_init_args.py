# wrong number of arguments to a class constructor
# warm-up: caught variants before the final uncaught error
class Q:
    def __init__(self, a, *, b=0):
        self.v = a + b
class NoInit:
    pass
print(Q(1).v, Q(1, b=2).v, type(NoInit()).__name__)
for make in [lambda: Q(), lambda: Q(1, 2), lambda: NoInit(1), lambda: Q(1, c=3)]:
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(P(1, 2).x)
P(1)
