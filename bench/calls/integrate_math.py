# numerical integration calling math.sin, cos, exp, log, sqrt, atan2: Simpson's rule, midpoint, 2D grid
import math
import sys
import time


def f_damped(x):
    return math.sin(x) * math.exp(-0.1 * x)


def f_log(x):
    return math.log(1.0 + x) / math.sqrt(1.0 + x * x)


def f_angle(x):
    return math.atan2(math.cos(x), 1.0 + x)


def simpson(f, a, b, n):
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n):
        w = 4.0 if i & 1 else 2.0
        s += w * f(a + i * h)
    return s * h / 3.0


def midpoint(n):
    h = 2.0 / n
    s = 0.0
    for i in range(n):
        x = (i + 0.5) * h
        s += math.sqrt(x) * math.cos(3.0 * x) + math.exp(-x * x) * math.log(2.0 + x)
    return s * h


def grid2d(n):
    # integral of atan2(y, x) * exp(-(x^2 + y^2)) + sin(x * y) over [0.1, 2.1] x [-0.5, 1.5]
    h = 2.0 / n
    s = 0.0
    for i in range(n):
        x = 0.1 + (i + 0.5) * h
        for j in range(n):
            y = -0.5 + (j + 0.5) * h
            s += math.atan2(y, x) * math.exp(-(x * x + y * y)) + math.sin(x * y)
    return s * h * h


def show(values):
    # 12 significant digits: the last bits of sin, exp, ... depend on the libm
    return " ".join("%.12g" % v for v in values)


warm = (simpson(f_damped, 0.0, 3.0, 3000), simpson(f_log, 0.0, 1.0, 3000),
        simpson(f_angle, 0.0, 2.0, 3000), midpoint(3000), grid2d(60))

t0 = time.perf_counter()
r1 = simpson(f_damped, 0.0, 30.0, 1_200_000)
r2 = simpson(f_log, 0.0, 10.0, 1_200_000)
r3 = simpson(f_angle, 0.0, 5.0, 1_200_000)
r4 = midpoint(2_000_000)
r5 = grid2d(1200)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(show(warm))
print(show((r1, r2, r3, r4, r5)))
