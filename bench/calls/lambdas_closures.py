# loops calling lambdas (module-level and local), nested functions, and closures made by factories
import sys
import time

half = lambda x: x * 0.5 + 1.0


def make_poly(a, b, c):
    return lambda x: (a * x + b) * x + c


def make_mixer(k, m):
    def mix(x):
        return (x * k + 12345) % m
    return mix


def lambdas(n):
    sq1 = lambda x: x * x + 1
    s = 0
    f = 0.0
    for i in range(n):
        s += sq1(i & 1023)
        f = half(f) + (i & 7)
    return s, f


def nested(n, k):
    def step(x):            # captures k
        return (x * k + 7) % 1000003

    def twice(x):           # captures nothing
        return x + x

    x = 1
    acc = 0
    for i in range(n):
        x = step(x)
        acc += twice(x & 255)
    return x, acc


def closures(n):
    p = make_poly(3, -2, 5)
    q = make_poly(0.5, 0.25, -1.0)
    mix = make_mixer(69069, 2147483647)
    s = 0
    t = 0.0
    h = 7
    for i in range(n):
        s += p(i % 100)
        t += q((i % 64) * 0.125)
        h = mix(h)
    return s, t, h


warm = (lambdas(3000), nested(3000, 31), closures(3000))

t0 = time.perf_counter()
r1 = lambdas(2_500_000)
r2 = nested(2_500_000, 48271)
r3 = closures(1_800_000)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(repr(warm))
print(repr(r1), r2, repr(r3))
