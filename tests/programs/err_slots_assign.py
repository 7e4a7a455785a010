# uncaught AttributeError when assigning an attribute not in __slots__
# warm-up: caught variants before the final uncaught error
class Base:
    __slots__ = ("a",)
class Child(Base):
    pass
c = Child()
c.a = 1
c.anything = 2
print(c.a, c.anything)
b = Base()
try:
    b.other = 1
except AttributeError as e:
    print("caught:", e)
class Pt:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Pt(1, 2)
p.x = 5
print(p.x, p.y)
p.z = 3
