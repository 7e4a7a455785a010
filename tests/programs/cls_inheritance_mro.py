# inheritance, multiple inheritance, MRO, super() incl. diamond
class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
print([c.__name__ for c in D.__mro__])
print(D().who(), D().chain())
print([c.__name__ for c in B.__mro__], [c.__name__ for c in D.__bases__])
class Base:
    def __init__(self, name):
        print("Base.__init__", name)
        self.name = name
class Left(Base):
    def __init__(self, name):
        print("Left.__init__")
        super().__init__(name)
        self.left = True
class Right(Base):
    def __init__(self, name):
        print("Right.__init__")
        super().__init__(name)
        self.right = True
class Bottom(Left, Right):
    def __init__(self, name):
        print("Bottom.__init__")
        super().__init__(name)
bt = Bottom("bt")
print(bt.name, bt.left, bt.right, [c.__name__ for c in Bottom.mro()])
class Animal:
    sound = "..."
    def speak(self):
        return "%s says %s" % (type(self).__name__, self.sound)
class Cat(Animal):
    sound = "meow"
class Kitten(Cat):
    def speak(self):
        return super().speak() + " (quietly)"
for an in (Animal(), Cat(), Kitten()):
    print(an.speak())
print(issubclass(Kitten, Animal), issubclass(Animal, Kitten), isinstance(Kitten(), Cat), issubclass(Cat, (int, Animal)))
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W):
        pass
except TypeError as e:
    print("TypeError:", e)
class O1:
    def m(self): return "O1"
class O2(O1):
    def m(self): return "O2>" + super(O2, self).m()
class O3(O2):
    def m(self): return "O3>" + super().m()
print(O3().m(), super(O3, O3()).m())
class Mixin:
    def greet(self):
        return "hello from " + self.label()
class Impl(Mixin):
    def label(self):
        return "Impl"
print(Impl().greet())
class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
class SubCounter(Counter):
    pass
Counter(); SubCounter(); SubCounter()
print(Counter.instances, SubCounter.instances)
class P:
    def __init__(self):
        self.v = "P"
class Q(P):
    pass
print(Q().v)
class R(P):
    def __init__(self):
        pass
print(hasattr(R(), "v"))
class K1:
    @classmethod
    def create(cls):
        return cls.__name__
class K2(K1):
    pass
print(K1.create(), K2.create())
print([c.__name__ for c in bool.__mro__], object.__bases__, int.__bases__[0].__name__)
