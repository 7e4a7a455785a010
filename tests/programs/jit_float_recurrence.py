# float recurrences printed with repr
x = 0.5
for i in range(1000):
    x = 3.7 * x * (1.0 - x)
print(repr(x))
xs = []
x = 0.2
for i in range(30):
    x = 3.9 * x * (1 - x)
    xs.append(x)
print([repr(v) for v in xs[-5:]])
def newton_sqrt(a, iters):
    g = a / 2.0
    for _ in range(iters):
        g = 0.5 * (g + a / g)
    return g
print(repr(newton_sqrt(2.0, 10)), repr(newton_sqrt(1e10, 40)), repr(newton_sqrt(0.0001, 30)))
def harmonic(n):
    h = 0.0
    for k in range(1, n + 1):
        h += 1.0 / k
    return h
print(repr(harmonic(10000)), repr(harmonic(1)))
def leibniz_pi(n):
    s = 0.0
    sign = 1.0
    for k in range(n):
        s += sign / (2 * k + 1)
        sign = -sign
    return 4 * s
print(repr(leibniz_pi(20000)))
v, pos = 0.0, 100.0
dt = 0.01
for step in range(2000):
    a = -9.81 - 0.1 * v
    v += a * dt
    pos += v * dt
    if pos < 0:
        pos = -pos
        v = -v * 0.9
print(repr(v), repr(pos))
prod = 1.0
for i in range(1, 171):
    prod *= i
print(repr(prod), repr(prod * 171))
tiny = 1.0
n = 0
while tiny > 0:
    tiny /= 2
    n += 1
print(n, repr(tiny))
