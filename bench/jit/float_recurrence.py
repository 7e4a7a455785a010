# float recurrences: logistic map, Newton iterations for square roots, midpoint integration
import sys
import time


def logistic(n, r, x):
    acc = 0.0
    for i in range(n):
        x = r * x * (1.0 - x)
        acc += x
    return x, acc


def newton_sqrt_sum(n):
    total = 0.0
    for i in range(1, n + 1):
        a = float(i)
        x = a * 0.5 + 1.0
        for k in range(6):
            x = 0.5 * (x + a / x)
        total += x
    return total


def integrate(n):
    # pi = integral of 4 / (1 + x^2) over [0, 1]
    h = 1.0 / n
    s = 0.0
    for i in range(n):
        x = (i + 0.5) * h
        s += 4.0 / (1.0 + x * x)
    return s * h


warm = (logistic(3000, 3.7, 0.25), newton_sqrt_sum(400), integrate(3000))

t0 = time.perf_counter()
r1 = logistic(9_000_000, 3.9999, 0.123)
r2 = newton_sqrt_sum(900_000)
r3 = integrate(9_000_000)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(repr(warm))
print(repr(r1), repr(r2), repr(r3))
