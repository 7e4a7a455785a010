# loops calling math.sqrt, fabs, copysign, floor, ceil and isqrt (compiled to one wasm instruction each)
import math
import sys
import time
from math import floor, sqrt


def distances(n):
    total = 0.0
    for i in range(n):
        x = i * 0.001
        total += math.sqrt(x * x + 1.0) - sqrt(x) + math.fabs(math.copysign(x, -1.0))
    return total


def cells(n):
    s = 0
    for i in range(n):
        x = i * 0.37 - 1000.0
        s += floor(x) - math.ceil(x * 0.5) + math.isqrt(i)
    return s


warm = (distances(3000), cells(3000))

t0 = time.perf_counter()
r1 = distances(4_000_000)
r2 = cells(2_500_000)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(repr(r1), r2)
