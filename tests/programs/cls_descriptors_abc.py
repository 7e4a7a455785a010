# descriptors (__get__/__set__/__set_name__) and abc abstract classes
import abc
class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError("%s must be positive, got %r" % (self.name[1:], value))
        setattr(obj, self.name, value)
class Order:
    qty = Positive()
    price = Positive()
    def __init__(self, qty, price):
        self.qty = qty
        self.price = price
    def total(self):
        return self.qty * self.price
o = Order(3, 2.5)
print(o.qty, o.price, o.total(), type(Order.qty).__name__)
try:
    o.qty = -1
except ValueError as e:
    print("ValueError:", e)
print(o.qty)
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...
    def describe(self):
        return "%s with area %.2f" % (type(self).__name__, self.area())
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Sq(3).describe(), isinstance(Sq(1), Shape))
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
class Incomplete(Shape):
    pass
try:
    Incomplete()
except TypeError as e:
    print("TypeError:", e)
class Verbose:
    def __get__(self, obj, objtype=None):
        return "got via %s" % ("instance" if obj is not None else "class")
class Holder:
    v = Verbose()
print(Holder.v, Holder().v)
class Counted:
    def __init__(self):
        self.reads = 0
    def __get__(self, obj, objtype=None):
        self.reads += 1
        return self.reads
class UsesCounted:
    c = Counted()
u = UsesCounted()
print(u.c, u.c, UsesCounted.c)
class Bound:
    def method(self):
        return "bound to " + type(self).__name__
b = Bound()
m = b.method
print(m(), Bound.method(b), m.__self__ is b, m.__func__ is Bound.method)
