# integer sums: plain, polynomial, stepped ranges (both directions), alternating sign.
# Every sum stays within 64 bits.
import sys
import time


def plain(n):
    total = 0
    for i in range(n):
        total += i
    return total


def poly(n):
    s = 0
    for i in range(n):
        s += i * i - 3 * i + 7
    return s


def stepped(a, b, step):
    s = 0
    for i in range(a, b, step):
        s += i
    return s


def alternating(n):
    s = 0
    sign = 1
    for i in range(1, n + 1):
        s += sign * i
        sign = -sign
    return s


# warm-up (untimed): small calls, so the hot loops below are already compiled under the JIT
warm = (plain(3000), poly(3000), stepped(-3000, 3000, 3), alternating(3001))

t0 = time.perf_counter()
r1 = plain(16_000_000)
r2 = poly(2_400_000)
r3 = stepped(-13_500_000, 13_500_000, 3)
r4 = stepped(13_500_000, -13_500_000, -7)
r5 = alternating(6_000_001)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1, r2, r3, r4, r5)
