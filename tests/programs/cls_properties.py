# property, staticmethod, classmethod
class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius
    @property
    def celsius(self):
        print("get celsius")
        return self._c
    @celsius.setter
    def celsius(self, value):
        print("set celsius", value)
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("delete celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, repr(t.fahrenheit))
t.celsius = 100
print(repr(t.fahrenheit))
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return "%s(%d, %d, %d)" % (type(self).__name__, self.y, self.m, self.d)
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
print([y for y in range(1896, 1920) if Date.is_leap(y)])
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
lz = Lazy()
print(lz.value, lz.value, lz.computed)
class Prop2:
    def _get(self):
        return "via property()"
    x = property(_get, doc="the x")
print(Prop2().x, Prop2.x.__doc__, type(Prop2.x).__name__)
class Registry:
    _items = []
    @classmethod
    def register(cls, item):
        cls._items.append(item)
        return len(cls._items)
    @classmethod
    def items(cls):
        return list(cls._items)
print(Registry.register("a"), Registry.register("b"), Registry.items())
class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 3)
    @property
    def diameter(self):
        return self.r * 2
    @diameter.setter
    def diameter(self, d):
        self.r = d / 2
c = Circle(2)
print(c.area, c.diameter)
c.diameter = 10
print(c.r, c.area)
print(isinstance(Circle.area, property), callable(Date.is_leap))
