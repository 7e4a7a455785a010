# classes: methods, __init__, class vs instance attributes, counters
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, tricks=None):
        self.name = name
        self.tricks = list(tricks or [])
        Dog.count += 1
        self.id = Dog.count
    def add_trick(self, trick):
        self.tricks.append(trick)
        return self
    def describe(self):
        return "%s#%d (%s) knows %s" % (self.name, self.id, self.species, ", ".join(self.tricks) or "nothing")
    def __repr__(self):
        return "Dog(%r)" % self.name
a = Dog("rex")
b = Dog("fido", ["sit"])
a.add_trick("roll").add_trick("beg")
print(a.describe())
print(b.describe())
print(Dog.count, a.count, b.count)
a.species = "wolf"
print(a.species, b.species, Dog.species)
Dog.species = "dog"
print(a.species, b.species)
del a.species
print(a.species)
print(a, [a, b], str(b))
m = a.describe
print(m())
print(Dog.describe(b))
print(type(a).__name__, type(a) is Dog, isinstance(a, Dog), isinstance(a, object))
print(hasattr(a, "name"), hasattr(a, "nope"), getattr(a, "name"), getattr(a, "nope", "dflt"))
setattr(a, "age", 3)
print(a.age)
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Dog.missing_cls
except AttributeError as e:
    print("AttributeError:", e)
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1)
s2.add(2)
print(Shared.items, s1.items is s2.items)
class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(1, 2).moved(3, 4).moved(-1, 0)
print(p, p.x, p.y)
class Empty:
    pass
e = Empty()
e.anything = 5
print(e.anything, Empty.__name__)
def external(self):
    return "external " + self.name
Dog.ext = external
print(a.ext())
print(Dog.__name__, Dog.__doc__, Point.__init__.__name__)
class WithDoc:
    "docstring here"
print(WithDoc.__doc__, WithDoc().__class__.__name__)
class Temp:
    def __init__(self):
        self.__private = 1
        self._prot = 2
    def get(self):
        return self.__private
t = Temp()
print(t.get(), t._prot, t._Temp__private, hasattr(t, "__private"))
