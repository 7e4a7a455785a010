# loops calling small module-level numeric helpers (int and float; one helper has a loop)
import sys
import time


def sq(x):
    return x * x


def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def lerp(a, b, t):
    return a + (b - a) * t


def norm2(x, y):
    return x * x + y * y


def smoothstep(t):
    return t * t * (3.0 - 2.0 * t)


def int_helpers(n):
    s = 0
    for i in range(n):
        s += sq(i % 1000) - clamp(i % 37, 5, 30)
        if i & 3 == 0:
            s += gcd(i, 720)
    return s


def float_helpers(n):
    acc = 0.0
    peak = 0.0
    for i in range(n):
        t = i / n
        v = lerp(1.0, 3.0, smoothstep(t)) * norm2(t, 1.0 - t)
        acc += v
        peak = max(peak, v)
    return acc, peak


def chained(n):
    # each helper's result feeds the next call
    x = 1
    total = 0
    for i in range(n):
        x = clamp(sq(x) % 65521 + i % 7, 3, 60000)
        total += x
    return x, total


warm = (int_helpers(3000), float_helpers(3000), chained(3000))

t0 = time.perf_counter()
r1 = int_helpers(2_000_000)
r2 = float_helpers(2_000_000)
r3 = chained(2_200_000)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(repr(warm))
print(r1, repr(r2), r3)
