# // and % on ints, with negative operands on either side (Python floor semantics)
import sys
import time


def divmods(n):
    s = 0
    for i in range(-n, n):
        s += i // 7 + i % 7 - i // -3 + i % -5 + (-i) % 11
    return s


def digit_sums(n):
    total = 0
    for i in range(n):
        x = i
        while x > 0:
            total += x % 10
            x //= 10
    return total


def gcd_sum(n):
    total = 0
    for a in range(1, n):
        x = a * 7919
        y = n * 104729 - a
        while y:
            x, y = y, x % y
        total += x
    return total


warm = (divmods(2000), digit_sums(2000), gcd_sum(2000))

t0 = time.perf_counter()
r1 = divmods(2_400_000)
r2 = digit_sums(1_200_000)
r3 = gcd_sum(480_000)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1, r2, r3)
