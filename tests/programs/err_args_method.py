# wrong argument count to a method (self counts)
# warm-up: caught variants before the final uncaught error
class K:
    def two(self, a, b):
        return a * b
    @staticmethod
    def st(a):
        return a
    @classmethod
    def cm(cls, a):
        return cls.__name__ + str(a)
k = K()
print(k.two(2, 3), K.two(k, 4, 5), k.st(1), K.cm(2), k.cm(3))
for call in [lambda: k.two(1), lambda: K.two(1, 2), lambda: k.st(), lambda: K.cm()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
class C:
    def m(self, x):
        return x
c = C()
print(c.m(1))
c.m(1, 2)
