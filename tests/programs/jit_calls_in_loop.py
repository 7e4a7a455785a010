# user function calls, closures and methods inside hot loops
def sq(x):
    return x * x
def clamp(v, lo, hi):
    return lo if v < lo else hi if v > hi else v
total = 0
for i in range(-5000, 5000):
    total += clamp(sq(i) - 1000, -50, 5000)
print(total)
def make_scaler(k):
    def scale(v):
        return v * k
    return scale
triple = make_scaler(3)
acc = 0
for i in range(10000):
    acc += triple(i) - sq(i % 10)
print(acc)
class Acc:
    def __init__(self):
        self.v = 0
    def add(self, x):
        self.v += x
        return self
a = Acc()
for i in range(10000):
    a.add(i % 13)
print(a.v)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(18)])
def kw(a, b=2, *, c=3):
    return a * b + c
s = 0
for i in range(3000):
    s += kw(i) + kw(i, 3) + kw(i, c=-1)
print(s)
lam = lambda x: x ^ (x >> 1)
gray = [lam(i) for i in range(16)]
print(gray)
