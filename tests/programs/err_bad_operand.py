# unsupported operand types between user class and int
# warm-up: caught variants before the final uncaught error
pairs = [(1, 2), ("a", "b"), ([1], [2]), (1, "a"), (None, 1), ({1}, {2})]
for a, b in pairs:
    try:
        print(repr(a), repr(b), a + b)
    except TypeError as e:
        print(repr(a), repr(b), "TypeError:", e)
class Box:
    def __init__(self, v):
        self.v = v
b = Box(3)
print(b.v + 1)
print(b + 1)
