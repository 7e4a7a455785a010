# instantiating an abstract class with two abstract methods
# warm-up: caught variants before the final uncaught error
from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
for s in range(1, 4):
    print("square", s, Sq(s).area())
try:
    Shape()
except TypeError as e:
    print("caught:", e)
from abc import ABC, abstractmethod
class Base(ABC):
    @abstractmethod
    def load(self): ...
    @abstractmethod
    def save(self): ...
class Half(Base):
    def load(self):
        return "loaded"
print("defining done")
Half()
